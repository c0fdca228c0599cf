package org.tweetflow.sandbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.tweetflow.config.TweetflowProperties;

/** Says loudly, once the service is up, that it talks to simulated services only. */
class SandboxAnnouncer {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxAnnouncer.class);

    private final TweetflowProperties properties;
    private final Environment management;

    SandboxAnnouncer(TweetflowProperties properties, Environment environment) {
        this.properties = properties;
        this.management = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        LOG.warn("""

                ************************************************************************
                *  SANDBOX MODE: X and Open Humans are SIMULATED by this process.      *
                *  No real account is read or written. It runs because                 *
                *  TWEETFLOW_SANDBOX=true: never set it in production.                 *
                ************************************************************************
                Open {} and sign in with a demo account. Operations: the management
                port ({}) with the ops account {} (docs/operations.md).""", properties.publicUrl(),
                management.getProperty("local.management.port", management.getProperty("management.server.port")),
                properties.ops().username() + (SandboxClients.OPS_PASSWORD.equals(properties.ops().password())
                        ? " / " + SandboxClients.OPS_PASSWORD : ""));
    }
}
