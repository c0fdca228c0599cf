package org.tweetflow.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oauth2Login;

import java.util.List;
import java.util.Map;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.user.DefaultOAuth2User;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.tweetflow.member.Member;
import org.tweetflow.security.XAuthorizedMark;

/** A MockMvc request as the member's browser sends it after the Open Humans sign-in. */
final class SignedIn {

    private SignedIn() {
    }

    static RequestPostProcessor as(Member member) {
        return oauth2Login().oauth2User(new DefaultOAuth2User(List.of(new SimpleGrantedAuthority("OAUTH2_USER")),
                Map.of("project_member_id", member.projectMemberId()), "project_member_id"));
    }

    /** The session as Spring Security leaves it when it sends the browser back to the callback after X's code exchange. */
    static MockHttpSession xJustAuthorized() {
        MockHttpSession session = new MockHttpSession();
        XAuthorizedMark.mark(session);
        return session;
    }
}
