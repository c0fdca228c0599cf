package org.tweetflow.ops;

import java.security.Principal;
import java.util.Optional;

import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;
import org.springframework.stereotype.Component;
import org.tweetflow.member.Member;
import org.tweetflow.member.Members;

/**
 * The operators' archive syncs: {@code POST /actuator/syncs} queues every stale member now (the scheduled scan's
 * rule), {@code POST /actuator/syncs/{project member id}} one member, whatever their "sync now" interval.
 */
@Component
@WebEndpoint(id = "syncs")
public class SyncsEndpoint {

    private final Members members;
    private final OpsRoutes routes;

    SyncsEndpoint(Members members, OpsRoutes routes) {
        this.members = members;
        this.routes = routes;
    }

    @WriteOperation
    public WebEndpointResponse<OpsAnswer> queueStaleMembers(Principal principal) {
        int queued = routes.run("direct:queue-stale-members-now", null, principal, Integer.class);
        return OpsAnswer.done("queued " + queued + " stale member(s)");
    }

    /** @param member the member's Open Humans project member id, as the member list of Open Humans shows it */
    @WriteOperation
    public WebEndpointResponse<OpsAnswer> syncMember(@Selector String member, Principal principal) {
        Optional<Member> found = members.findByProjectMemberId(member);
        if (found.isEmpty()) {
            return OpsAnswer.notFound("no member with Open Humans member id " + member);
        }
        if (!found.get().twitterConnected()) {
            return OpsAnswer.conflict("member " + member + " has not connected an X account: there is nothing to sync");
        }
        boolean queued = routes.run("direct:sync-member-now", found.get().id(), principal, Boolean.class);
        return OpsAnswer.done(queued ? "queued the archive sync of member " + member
                : "the archive sync of member " + member + " was queued already");
    }
}
