package org.tweetflow.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.tweetflow.member.Member;
import org.tweetflow.member.Members;

/** After the Open Humans sign-in: the member exists here from now on; next comes X, or the dashboard. */
@Component
public class MemberSignIn implements AuthenticationSuccessHandler {

    private final Members members;

    public MemberSignIn(Members members) {
        this.members = members;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException {
        Member member = members.ensure(authentication.getName());
        if (authentication.getPrincipal() instanceof OAuth2User user && user.getAttribute("username") != null) {
            members.signedIn(member.id(), user.getAttribute("username"));
        }
        response.sendRedirect(request.getContextPath() + (member.twitterConnected() ? "/dashboard" : "/connect"));
    }
}
