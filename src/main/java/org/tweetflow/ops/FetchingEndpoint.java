package org.tweetflow.ops;

import java.security.Principal;

import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;
import org.springframework.stereotype.Component;
import org.tweetflow.ratelimit.RateBudget;

/**
 * Fetching from X, paused and resumed by the operators (when X's monthly cap is near, say): {@code GET
 * /actuator/fetching} says whether it is paused, {@code POST /actuator/fetching} with {@code {"paused": true}} or
 * {@code false} pauses or resumes it on every replica.
 */
@Component
@WebEndpoint(id = "fetching")
public class FetchingEndpoint {

    private final RateBudget budget;
    private final OpsRoutes routes;

    FetchingEndpoint(RateBudget budget, OpsRoutes routes) {
        this.budget = budget;
        this.routes = routes;
    }

    @ReadOperation
    public Fetching fetching() {
        return budget.allPaused().map(reason -> new Fetching(true, reason)).orElse(new Fetching(false, null));
    }

    @WriteOperation
    public Fetching pause(boolean paused, Principal principal) {
        routes.run(paused ? "direct:pause-x-fetching" : "direct:resume-x-fetching", null, principal, Object.class);
        return fetching();
    }

    /** @param reason why, while paused */
    public record Fetching(boolean paused, String reason) {
    }
}
