package org.tweetflow.config;

/**
 * How a secret shows in a {@code toString}: whether it is set, never its value. Records print every component, and
 * a settings record that reaches a log line or an exception message must not carry a client secret or a key along.
 */
public final class Secrets {

    private Secrets() {
    }

    public static String shown(String secret) {
        return secret == null || secret.isEmpty() ? "(none)" : "(set)";
    }
}
