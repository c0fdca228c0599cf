package org.tweetflow.calls;

/**
 * What a failed call to X or Open Humans means, whichever job made it ({@link CallFailures} decides it).
 *
 * @param kind   what it means
 * @param reason what the member or researcher is told: the provider's words where it gave some, never a token
 * @param cause  the exception that says what went wrong, under the wrappers Camel and Spring add
 */
public record CallFailure(Kind kind, String reason, Throwable cause) {

    public enum Kind {
        /** X's rate limit or monthly cap: wait for the reset it named. */
        RATE_LIMITED,
        /** The provider (its API, its token endpoint or its storage) did not answer usefully for now: try later. */
        OUTAGE,
        /** The provider no longer accepts the member's refresh token: only connecting again helps. */
        TOKEN_REFUSED,
        /** The provider refused the request as it stands (4xx): asking again gets the same answer. */
        REQUEST_REFUSED,
        /** An answer that cannot be read: reading it again reads the same. */
        MALFORMED_ANSWER,
        /** Not a provider's answer at all: a defect here, whose stack trace the operator needs. */
        UNEXPECTED
    }

    /** A provider's answer the jobs know what to do with: logged on one line; only the unexpected with its trace. */
    public boolean expected() {
        return kind != Kind.UNEXPECTED;
    }
}
