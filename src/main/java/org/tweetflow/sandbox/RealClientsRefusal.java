package org.tweetflow.sandbox;

import org.springframework.util.StringUtils;
import org.tweetflow.config.TweetflowProperties;

/**
 * The sandbox never runs next to real credentials: while it is on, a client id in effect that is not the sandbox's
 * own (someone configured one) stops the start.
 */
public class RealClientsRefusal {

    public RealClientsRefusal(TweetflowProperties properties) {
        if (foreign(properties.twitter().clientId(), SandboxClients.X_CLIENT_ID)
                || foreign(properties.openhumans().clientId(), SandboxClients.OPEN_HUMANS_CLIENT_ID)) {
            throw new IllegalStateException("TWEETFLOW_SANDBOX=true together with real client ids "
                    + "(TWEETFLOW_TWITTER_CLIENT_ID / TWEETFLOW_OPENHUMANS_CLIENT_ID): refusing to start, "
                    + "the sandbox must never run next to real credentials.");
        }
    }

    private static boolean foreign(String clientId, String sandboxClientId) {
        return StringUtils.hasText(clientId) && !clientId.equals(sandboxClientId);
    }
}
