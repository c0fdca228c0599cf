package org.tweetflow.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.tweetflow.TweetflowTest;

/** The readiness probe says "ready" only while the routes run: a replica whose routes are down gets no traffic. */
@TweetflowTest
@AutoConfigureMockMvc
class ReadinessTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    CamelContext camel;

    @Test
    void notReadyWhileARouteIsStopped() throws Exception {
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));

        camel.getRouteController().stopRoute("identify-x-account");
        try {
            mvc.perform(get("/actuator/health/readiness")).andExpect(status().isServiceUnavailable())
                    .andExpect(jsonPath("$.status").value("OUT_OF_SERVICE"));
        } finally {
            camel.getRouteController().startRoute("identify-x-account");
        }

        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
    }
}
