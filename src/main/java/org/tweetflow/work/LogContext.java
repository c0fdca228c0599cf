package org.tweetflow.work;

import org.apache.camel.Body;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * The member or collection a job works on, in the MDC of every line it logs (a field of its own in JSON logs), so
 * that an operator finds one sync's or one collection's lines. Camel carries the keys along when an exchange moves
 * to another thread ({@code camel.main.mdc-logging-keys-pattern}); the route that sets them clears them at its end.
 */
@Component("logContext")
public class LogContext {

    public static final String MEMBER_ID = "tweetflow.memberId";
    public static final String COLLECTION_ID = "tweetflow.collectionId";

    /** Body: the member id. */
    public void member(@Body long memberId) {
        MDC.put(MEMBER_ID, Long.toString(memberId));
    }

    /** Body: the collection id. */
    public void collection(@Body long collectionId) {
        MDC.put(COLLECTION_ID, Long.toString(collectionId));
    }

    public void clear() {
        MDC.remove(MEMBER_ID);
        MDC.remove(COLLECTION_ID);
    }
}
