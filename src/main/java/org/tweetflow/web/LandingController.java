package org.tweetflow.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LandingController {

    @GetMapping("/")
    String landing() {
        return "landing";
    }
}
