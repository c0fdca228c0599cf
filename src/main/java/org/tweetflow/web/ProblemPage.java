package org.tweetflow.web;

import org.springframework.ui.Model;

/** The page that says what went wrong with an authorization, and where to try again. */
final class ProblemPage {

    private ProblemPage() {
    }

    static String show(Model model, String title, String message, String retry) {
        model.addAttribute("title", title);
        model.addAttribute("message", message);
        model.addAttribute("retry", retry);
        return "problem";
    }

    /**
     * An OAuth error code as a provider sent it back through the browser, fit to show: only a code, never free text
     * someone put into the link.
     */
    static String errorCode(String sent, String otherwise) {
        return sent.matches("[a-z_]{1,40}") ? sent : otherwise;
    }
}
