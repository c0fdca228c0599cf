package org.tweetflow.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.stereotype.Component;
import org.tweetflow.member.Member;
import org.tweetflow.member.MemberAccount;

/** After the Open Humans sign-in: the member exists here from now on; next comes X, or the dashboard. */
@Component
public class MemberSignIn implements AuthenticationSuccessHandler {

    private final MemberAccount account;
    private final RequestCache requestCache = new HttpSessionRequestCache();

    public MemberSignIn(MemberAccount account) {
        this.account = account;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException {
        String username = authentication.getPrincipal() instanceof OAuth2User user ? user.getAttribute("username")
                : null;
        Member member = account.signedIn(authentication.getName(), username);
        // the page asked for before signing in is not kept: left in the session, it would later take the place
        // of the X callback, which Spring Security redirects to a saved request first
        requestCache.removeRequest(request, response);
        response.sendRedirect(request.getContextPath() + (member.twitterConnected() ? "/dashboard" : "/connect"));
    }
}
