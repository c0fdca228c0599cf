package org.tweetflow.ops;

import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/** What an ops action answers: what it did, or why it did nothing (a 4xx with the reason). */
record OpsAnswer(String done, String error) {

    static WebEndpointResponse<OpsAnswer> done(String what) {
        return new WebEndpointResponse<>(new OpsAnswer(what, null), WebEndpointResponse.STATUS_OK);
    }

    /** Nothing of that name: nothing changed. */
    static WebEndpointResponse<OpsAnswer> notFound(String why) {
        return new WebEndpointResponse<>(new OpsAnswer(null, why), WebEndpointResponse.STATUS_NOT_FOUND);
    }

    /** It exists, but the action does not apply to it now: nothing changed. */
    static WebEndpointResponse<OpsAnswer> conflict(String why) {
        return new WebEndpointResponse<>(new OpsAnswer(null, why), 409);
    }
}
