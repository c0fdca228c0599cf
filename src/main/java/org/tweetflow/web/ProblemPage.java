package org.tweetflow.web;

import org.springframework.beans.TypeMismatchException;
import org.springframework.ui.Model;
import org.springframework.util.ObjectUtils;

/** The page that says what went wrong (an authorization, a request that cannot be served), and where to try again. */
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

    /** Why an id or a number in an address is not one (a link cut short, a hand-typed address), for pages and API. */
    static String notANumber(TypeMismatchException mismatch) {
        return "'" + mismatch.getPropertyName() + "' takes whole numbers, not '"
                + ObjectUtils.nullSafeToString(mismatch.getValue()) + "'";
    }
}
