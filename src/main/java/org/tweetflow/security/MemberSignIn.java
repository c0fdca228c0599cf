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
import org.tweetflow.archive.ArchiveQueue;
import org.tweetflow.archive.ArchiveStates;
import org.tweetflow.member.Member;
import org.tweetflow.member.Members;

/** After the Open Humans sign-in: the member exists here from now on; next comes X, or the dashboard. */
@Component
public class MemberSignIn implements AuthenticationSuccessHandler {

    private final Members members;
    private final ArchiveStates states;
    private final ArchiveQueue queue;
    private final RequestCache requestCache = new HttpSessionRequestCache();

    public MemberSignIn(Members members, ArchiveStates states, ArchiveQueue queue) {
        this.members = members;
        this.states = states;
        this.queue = queue;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException {
        Member member = members.ensure(authentication.getName());
        if (authentication.getPrincipal() instanceof OAuth2User user && user.getAttribute("username") != null) {
            members.signedIn(member.id(), user.getAttribute("username"));
        }
        if (member.twitterConnected()
                && states.awaitsReconnect(member.id())) {
            // Open Humans had refused the old refresh token; with the new tokens the syncs can go on (if it was
            // X that refused, the sync says so again and the dashboard offers to connect X again)
            queue.queue(member.id(), "signed-in");
        }
        // the page asked for before signing in is not kept: left in the session, it would later take the place
        // of the X callback, which Spring Security redirects to a saved request first
        requestCache.removeRequest(request, response);
        response.sendRedirect(request.getContextPath() + (member.twitterConnected() ? "/dashboard" : "/connect"));
    }
}
