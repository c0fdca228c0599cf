package org.tweetflow.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LandingController {

    /**
     * The notices of the two ways back here: signing out ({@code /?signed-out}) and deleting the account
     * ({@code /?deleted}). Decided here, not in the page: Thymeleaf's {@code param.containsKey} is true for any name.
     */
    @GetMapping("/")
    String landing(@RequestParam(name = "signed-out", required = false) String signedOut,
            @RequestParam(required = false) String deleted, Model model) {
        model.addAttribute("signedOut", signedOut != null);
        model.addAttribute("deleted", deleted != null);
        return "landing";
    }

    /** Where a refused or failed Open Humans sign-in lands. */
    @GetMapping("/signin-failed")
    String signInFailed(@RequestParam(defaultValue = "sign_in_failed") String error, Model model) {
        String code = ProblemPage.errorCode(error, "sign_in_failed");
        return ProblemPage.show(model, "Not signed in", "access_denied".equals(code)
                ? "You declined at Open Humans, so you are not signed in. Nothing was stored."
                : "Signing in with Open Humans did not work (" + code + "). Nothing was stored; please try again.",
                "/");
    }
}
