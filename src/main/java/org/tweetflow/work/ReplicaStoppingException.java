package org.tweetflow.work;

/**
 * This replica stops: the run makes no further call, keeps what it has (the archive uploads the weeks it fetched,
 * a collection its pages) and hands its work item back for the next claim to resume at once.
 */
public class ReplicaStoppingException extends RuntimeException {

    public ReplicaStoppingException(String message) {
        super(message);
    }
}
