package org.tweetflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class SandboxFaultsTest {

    @Test
    void clearLetsGoARequestHeldByATestThatNeverReleasedIt() throws Exception {
        SandboxFaults faults = new SandboxFaults();
        SandboxFaults.Hold hold = faults.hold("GET", "/x/2/users/me");
        SandboxFaults.Hold taken = faults.takeHold("GET", "/x/2/users/me").orElseThrow();
        CompletableFuture<Void> request = CompletableFuture.runAsync(() -> {
            try {
                taken.awaitRelease();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(hold.awaitTaken()).isTrue();

        faults.clear();

        // far below the minute a forgotten hold would otherwise keep the server's thread
        request.get(10, TimeUnit.SECONDS);
        assertThat(request).isDone();
    }
}
