package org.tweetflow.member;

/**
 * X or Open Humans did not answer a member's action within {@code tweetflow.web.provider-wait}. The call goes on
 * in the background (it may still redeliver for minutes); the page answers now and says what happens next.
 */
public class ProviderSlowException extends RuntimeException {

    public ProviderSlowException(String message) {
        super(message);
    }
}
