package org.tweetflow.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.tweetflow.config.TweetflowProperties;

/** Gives every page what the shared layout needs: above all, whether to show the sandbox banner. */
@ControllerAdvice
class PageModelAdvice {

    private final TweetflowProperties properties;

    PageModelAdvice(TweetflowProperties properties) {
        this.properties = properties;
    }

    @ModelAttribute("sandbox")
    boolean sandbox() {
        return properties.sandbox();
    }
}
