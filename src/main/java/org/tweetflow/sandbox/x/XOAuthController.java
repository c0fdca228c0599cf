package org.tweetflow.sandbox.x;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;
import org.tweetflow.config.TweetflowProperties;
import org.tweetflow.sandbox.SandboxClients;

/** The simulated X OAuth 2.0 (authorization code with PKCE) pages and endpoints. */
@RestController
@RequestMapping(SandboxClients.X_PATH)
class XOAuthController {

    static final String TOKEN = "token";

    /** X's consent page when the redirect_uri is not the app's registered callback: no code leaves it. */
    static final String UNREGISTERED_CALLBACK = "You weren't able to give access to the App. Go back and try logging in "
            + "again.";

    private final XSimulator sim;
    private final String registeredCallback;

    XOAuthController(XSimulator sim, TweetflowProperties properties) {
        this.sim = sim;
        this.registeredCallback = SandboxClients.xCallback(properties.publicUrl());
    }

    @GetMapping(path = "/i/oauth2/authorize", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> authorizePage(@RequestParam MultiValueMap<String, String> params) {
        Optional<String> problem = validate(params);
        if (problem.isPresent()) {
            return errorPage(problem.get());
        }
        StringBuilder accounts = new StringBuilder();
        boolean first = true;
        for (XSimulator.Account a : sim.demoAccounts()) {
            accounts.append("<label><input type=\"radio\" name=\"user_id\" value=\"").append(a.id()).append('"')
                    .append(first ? " checked" : "").append("> ").append(esc(a.name())).append(" (@")
                    .append(esc(a.username())).append(")</label><br>\n");
            first = false;
        }
        StringBuilder hidden = new StringBuilder();
        for (String name : new String[] {"response_type", "client_id", "redirect_uri", "scope", "state",
                "code_challenge", "code_challenge_method"}) {
            String v = params.getFirst(name);
            if (v != null) {
                hidden.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"").append(esc(v))
                        .append("\">\n");
            }
        }
        String scope = Optional.ofNullable(params.getFirst("scope")).orElse(XSimulator.DEFAULT_SCOPE);
        String html = """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Authorize app - X (sandbox)</title></head>
                <body>
                <p id="sandbox-banner"><strong>Sandbox:</strong> this is a simulated X, not the real one.</p>
                <h1>Authorize Tweetflow to access your account?</h1>
                <p>Requested permissions: %s</p>
                <form method="post" action="%s/i/oauth2/authorize">
                %s<fieldset><legend>Sign in as a demo account</legend>
                %s</fieldset>
                <button type="submit" name="decision" value="allow">Authorize app</button>
                <button type="submit" name="decision" value="deny">Cancel</button>
                </form>
                </body></html>
                """.formatted(esc(scope), SandboxClients.X_PATH, hidden, accounts);
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(html);
    }

    @PostMapping(path = "/i/oauth2/authorize", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> authorize(@RequestParam MultiValueMap<String, String> params) {
        Optional<String> problem = validate(params);
        if (problem.isPresent()) {
            return errorPage(problem.get());
        }
        String redirect = params.getFirst("redirect_uri");
        String state = params.getFirst("state");
        UriComponentsBuilder target = UriComponentsBuilder.fromUriString(redirect);
        if (!"allow".equals(params.getFirst("decision"))) {
            target.queryParam("error", "access_denied");
            if (state != null) {
                target.queryParam("state", state);
            }
        } else {
            String userId = params.getFirst("user_id");
            if (userId == null || sim.account(userId).isEmpty()) {
                return errorPage("Pick one of the demo accounts.");
            }
            String scope = Optional.ofNullable(params.getFirst("scope")).filter(s -> !s.isBlank())
                    .orElse(XSimulator.DEFAULT_SCOPE);
            String code = sim.issueCode(userId, redirect, params.getFirst("code_challenge"), scope);
            if (state != null) {
                target.queryParam("state", state);
            }
            target.queryParam("code", code);
        }
        URI location = target.encode().build().toUri();
        return ResponseEntity.status(HttpStatus.FOUND).location(location).build();
    }

    @PostMapping(path = "/2/oauth2/token", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> token(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
            @RequestParam MultiValueMap<String, String> params) {
        sim.countCall(TOKEN);
        if (!clientAuthenticated(auth)) {
            return unauthorizedClient();
        }
        String grantType = params.getFirst("grant_type");
        Optional<XSimulator.Tokens> tokens;
        if ("authorization_code".equals(grantType)) {
            tokens = sim.redeemCode(params.getFirst("code"), params.getFirst("redirect_uri"),
                    params.getFirst("code_verifier"));
        } else if ("refresh_token".equals(grantType)) {
            tokens = sim.refresh(params.getFirst("refresh_token"));
        } else {
            return oauthError(400, "invalid_request", "Missing required parameter [grant_type].");
        }
        if (tokens.isEmpty()) {
            return oauthError(400, "invalid_request", "Value passed for the token was invalid.");
        }
        XSimulator.Tokens t = tokens.get();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token_type", "bearer");
        body.put("expires_in", XSimulator.ACCESS_TTL.toSeconds());
        body.put("access_token", t.accessToken());
        body.put("scope", t.scope());
        if (t.refreshToken() != null) {
            body.put("refresh_token", t.refreshToken());
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    @PostMapping(path = "/2/oauth2/revoke", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> revoke(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
            @RequestParam MultiValueMap<String, String> params) {
        sim.countCall("revoke");
        if (!clientAuthenticated(auth)) {
            return unauthorizedClient();
        }
        sim.revoke(params.getFirst("token"));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(Map.of("revoked", true));
    }

    private Optional<String> validate(MultiValueMap<String, String> params) {
        if (!"code".equals(params.getFirst("response_type"))) {
            return Optional.of("response_type must be code.");
        }
        if (!SandboxClients.X_CLIENT_ID.equals(params.getFirst("client_id"))) {
            return Optional.of("Unknown client_id.");
        }
        if (!registeredCallback.equals(params.getFirst("redirect_uri"))) {
            return Optional.of(UNREGISTERED_CALLBACK);
        }
        if (params.getFirst("code_challenge") == null || params.getFirst("code_challenge").isBlank()) {
            return Optional.of("code_challenge is required.");
        }
        if (!"S256".equals(params.getFirst("code_challenge_method"))) {
            return Optional.of("code_challenge_method must be S256.");
        }
        return Optional.empty();
    }

    private static ResponseEntity<String> errorPage(String message) {
        String html = """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Something went wrong - X (sandbox)</title></head>
                <body><h1>Something went wrong</h1><p id="error">%s</p></body></html>
                """.formatted(esc(message));
        return ResponseEntity.badRequest().contentType(MediaType.TEXT_HTML).body(html);
    }

    private static boolean clientAuthenticated(String auth) {
        if (auth == null || !auth.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
            return decoded.equals(SandboxClients.X_CLIENT_ID + ":" + SandboxClients.X_CLIENT_SECRET);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static ResponseEntity<Object> unauthorizedClient() {
        return oauthError(401, "invalid_client", "Missing valid authorization header");
    }

    private static ResponseEntity<Object> oauthError(int status, String error, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private static String esc(String s) {
        return HtmlUtils.htmlEscape(s);
    }
}
