package org.tweetflow;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The ops account of every test context (application-test.yaml), for calls to the management port. */
public final class OpsAccount {

    public static final String USERNAME = "ops";
    public static final String PASSWORD = "test-ops-password-not-a-secret";

    private OpsAccount() {
    }

    /** The Authorization header's value for HTTP Basic with the ops account. */
    public static String basicAuth() {
        return "Basic " + Base64.getEncoder().encodeToString((USERNAME + ":" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }
}
