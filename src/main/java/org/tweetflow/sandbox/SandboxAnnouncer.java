package org.tweetflow.sandbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.tweetflow.config.TweetflowProperties;

/** Says loudly, once the service is up, that it talks to simulated services only. */
class SandboxAnnouncer {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxAnnouncer.class);

    private final TweetflowProperties properties;

    SandboxAnnouncer(TweetflowProperties properties) {
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        LOG.warn("""

                ************************************************************************
                *  SANDBOX MODE: X and Open Humans are SIMULATED by this process.      *
                *  No real account is read or written. It runs because                 *
                *  TWEETFLOW_SANDBOX=true: never set it in production.                 *
                ************************************************************************
                Open {} and sign in with a demo account.""", properties.publicUrl());
    }
}
