package org.tweetflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.tweetflow.TweetflowTest;

@TweetflowTest
class LandingPageTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void explainsTheServiceUnderTheSandboxBanner() {
        ResponseEntity<String> page = http.getForEntity("/", String.class);

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody())
                .contains("id=\"sandbox-banner\"")
                .contains("X and Open Humans are simulated")
                .contains("Sign in with Open Humans")
                .contains("tweetflow-twitter-archive.json");
    }
}
