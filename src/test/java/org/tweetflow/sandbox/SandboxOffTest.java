package org.tweetflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.tweetflow.TweetflowTest;
import org.tweetflow.sandbox.x.XSimulator;
import org.tweetflow.twitter.XEndpoints;

/**
 * Without the flag, with the providers' settings, the sandbox is off: none of its beans exist, the service talks to the real providers, and
 * {@code /sandbox/**} is an ordinary path of the service's own chain (sign-in required, CSRF checked).
 */
@TweetflowTest
@AutoConfigureMockMvc
@TestPropertySource(properties = {"tweetflow.sandbox=false", "tweetflow.twitter.client-id=real-x",
        "tweetflow.twitter.client-secret=x-secret", "tweetflow.openhumans.client-id=real-oh", "tweetflow.openhumans.client-secret=oh-secret"})
class SandboxOffTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    XEndpoints x;
    @Autowired
    MockMvc mvc;

    @Test
    void noSandboxBeanExistsAndTheRealProvidersAreUsed() {
        assertThat(context.getBeanNamesForType(XSimulator.class)).isEmpty();
        assertThat(context.getBeanNamesForType(SandboxAutoConfiguration.class)).isEmpty();
        assertThat(context.getBeanNamesForType(SandboxFaults.class)).isEmpty();
        assertThat(x.apiUrl()).hasToString("https://api.x.com");
        assertThat(x.authorizeUrl()).hasToString("https://x.com/i/oauth2/authorize");
        assertThat(x.clientId()).isEqualTo("real-x");
    }

    @Test
    void theServicesChainGuardsSandboxPaths() throws Exception {
        mvc.perform(get("/sandbox/x/i/oauth2/authorize").accept(MediaType.TEXT_HTML))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("**/"));
        mvc.perform(post("/sandbox/x/2/oauth2/token").param("grant_type", "refresh_token"))
                .andExpect(status().isForbidden());
    }
}
