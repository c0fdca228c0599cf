package org.tweetflow.web;

import java.util.Map;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The session's CSRF token for a script that calls the JSON API with a signed-in session's cookie: every request that
 * changes something sends it in the header named here. Only a page of this site can read it (no CORS).
 */
@RestController
class CsrfTokens {

    @GetMapping("/api/csrf")
    Map<String, String> token(CsrfToken token) {
        return Map.of("header", token.getHeaderName(), "token", token.getToken());
    }
}
