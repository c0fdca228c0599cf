package org.tweetflow.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.tweetflow.tokens.Provider;

/**
 * The authorized clients, kept where Spring Security keeps them, and a mark in the member's session each time X has
 * just authorized tweetflow (the code exchange of the callback). Spring Security then sends the browser to the
 * callback again without the code; only a visit that finds the mark, and takes it, learns the account from X. A link
 * to the callback from elsewhere finds none, so it calls nothing and changes nothing.
 */
public class XAuthorizedMark implements OAuth2AuthorizedClientRepository {

    static final String ATTRIBUTE = XAuthorizedMark.class.getName();

    private final OAuth2AuthorizedClientRepository clients;

    public XAuthorizedMark(OAuth2AuthorizedClientRepository clients) {
        this.clients = clients;
    }

    /** Whether X has just authorized tweetflow in this session; the mark is taken, so it answers true once. */
    public static boolean take(HttpSession session) {
        if (session == null || session.getAttribute(ATTRIBUTE) == null) {
            return false;
        }
        session.removeAttribute(ATTRIBUTE);
        return true;
    }

    /** Marks the session: X has just authorized tweetflow (tests start here too, after an exchange of their own). */
    public static void mark(HttpSession session) {
        session.setAttribute(ATTRIBUTE, Boolean.TRUE);
    }

    @Override
    public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String registrationId, Authentication principal,
            HttpServletRequest request) {
        return clients.loadAuthorizedClient(registrationId, principal, request);
    }

    @Override
    public void saveAuthorizedClient(OAuth2AuthorizedClient client, Authentication principal,
            HttpServletRequest request, HttpServletResponse response) {
        clients.saveAuthorizedClient(client, principal, request, response);
        if (Provider.X.registrationId().equals(client.getClientRegistration().getRegistrationId())) {
            mark(request.getSession());
        }
    }

    @Override
    public void removeAuthorizedClient(String registrationId, Authentication principal, HttpServletRequest request,
            HttpServletResponse response) {
        clients.removeAuthorizedClient(registrationId, principal, request, response);
    }
}
