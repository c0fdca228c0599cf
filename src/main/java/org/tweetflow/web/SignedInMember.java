package org.tweetflow.web;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.tweetflow.member.Member;
import org.tweetflow.member.Members;

/** The member behind a signed-in request: the Open Humans principal's project member id, nothing the page sends. */
@Component
class SignedInMember {

    private final Members members;

    SignedInMember(Members members) {
        this.members = members;
    }

    Member of(Authentication authentication) {
        return members.findByProjectMemberId(authentication.getName())
                .orElseThrow(() -> new AccessDeniedException("no member for this sign-in"));
    }

    /**
     * The signed-in member, when an address names them: 404 for anyone else, so a member can neither read nor guess
     * another's state.
     */
    Member own(Authentication authentication, long memberId) {
        Member member = of(authentication);
        if (member.id() != memberId) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return member;
    }
}
