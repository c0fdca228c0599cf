package org.tweetflow.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LandingController {

    @GetMapping("/")
    String landing() {
        return "landing";
    }

    /** Where a refused or failed Open Humans sign-in lands. */
    @GetMapping("/signin-failed")
    String signInFailed(@RequestParam(defaultValue = "sign_in_failed") String error, Model model) {
        model.addAttribute("title", "Not signed in");
        error = error.matches("[a-z_]{1,40}") ? error : "sign_in_failed"; // shown on the page: no free text
        model.addAttribute("message", "access_denied".equals(error)
                ? "You declined at Open Humans, so you are not signed in. Nothing was stored."
                : "Signing in with Open Humans did not work (" + error + "). Nothing was stored; please try again.");
        model.addAttribute("retry", "/");
        return "problem";
    }
}
