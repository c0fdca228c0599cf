package org.tweetflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
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

    @Test
    void firstVisitorIsToldNeitherThatTheySignedOutNorThatTheirAccountIsDeleted() {
        Document page = landing("/");

        assertThat(page.getElementById("notice")).isNull();
        assertThat(page.getElementById("notice-deleted")).isNull();
        assertThat(page.text()).doesNotContain("You are signed out").doesNotContain("Your account here is deleted");
    }

    @Test
    void memberWhoSignedOutIsToldSoAndNothingElse() {
        Document page = landing("/?signed-out");

        assertThat(page.getElementById("notice").text()).isEqualTo("You are signed out.");
        assertThat(page.getElementById("notice-deleted")).isNull();
    }

    @Test
    void memberWhoDeletedTheirAccountIsToldSoAndNothingElse() {
        Document page = landing("/?deleted");

        assertThat(page.getElementById("notice-deleted").text()).startsWith("Your account here is deleted");
        assertThat(page.getElementById("notice")).isNull();
    }

    private Document landing(String address) {
        return Jsoup.parse(http.getForObject(address, String.class));
    }
}
