package org.tweetflow.ops;

import java.security.Principal;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;
import org.springframework.stereotype.Component;
import org.tweetflow.TweetflowExchange;
import org.tweetflow.collect.CollectionStep;
import org.tweetflow.collect.CollectionSteps;
import org.tweetflow.collect.Collections;

/**
 * A failed summary step of any collection, run again: {@code POST /actuator/summarysteps/{collection id}/{step}}
 * (the step's name as the collection's page lists it, e.g. {@code media.csv}).
 */
@Component
@WebEndpoint(id = "summarysteps")
public class SummaryStepsEndpoint {

    private final Collections collections;
    private final CollectionSteps steps;
    private final OpsRoutes routes;

    SummaryStepsEndpoint(Collections collections, CollectionSteps steps, OpsRoutes routes) {
        this.collections = collections;
        this.steps = steps;
        this.routes = routes;
    }

    @WriteOperation
    public WebEndpointResponse<OpsAnswer> retry(@Selector long collection, @Selector String step,
            Principal principal) {
        if (collections.find(collection).isEmpty()) {
            return OpsAnswer.notFound("no collection " + collection);
        }
        Optional<CollectionStep> found = steps.of(collection).stream().filter(s -> s.name().equals(step)).findFirst();
        if (found.isEmpty()) {
            return OpsAnswer.notFound("collection " + collection + " has no summary step " + step);
        }
        if (!found.get().retriable() || !routes.run("direct:retry-summary-step", step, principal,
                Map.of(TweetflowExchange.COLLECTION_ID, collection), Boolean.class)) {
            return OpsAnswer.conflict("summary step " + step + " of collection " + collection + " is "
                    + found.get().state() + ", not failed: there is nothing to retry");
        }
        return OpsAnswer.done("queued summary step " + step + " of collection " + collection + " to run again");
    }
}
