package org.tweetflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tweetflow.TweetflowTest;
import org.tweetflow.sandbox.x.XSimulator;

/**
 * The pages render in a real Chromium under their Content-Security-Policy without a single refusal in its console:
 * nothing they need is inline. The member is the sandbox's veteran, whose account is older than X's timeline.
 */
@TweetflowTest
class ContentSecurityPolicyBrowserTest {

    @Value("${server.port}")
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void forget() {
        jdbc.update("DELETE FROM work_item");
        jdbc.update("DELETE FROM member");
    }

    @Test
    void aStyleAttributeAddedToAPageIsRefusedAndReported() {
        try (Browser browser = Browser.desktop()) {
            browser.open(url("/"));

            ((JavascriptExecutor) browser.driver()).executeScript("document.body.setAttribute('style', 'color: red')");

            assertThat(browser.contentSecurityPolicyViolations()).as("the check sees a refusal").isNotEmpty();
        }
    }

    @Test
    void landingConnectDashboardAndCollectionsPagesRenderWithoutARefusal() {
        try (Browser browser = Browser.desktop()) {
            browser.open(url("/"));
            assertThat(browser.contentSecurityPolicyViolations()).as("landing").isEmpty();

            browser.driver().findElement(By.id("sign-in")).click();
            MemberJourneyBrowserTest.authorizeAtOpenHumans(browser, "10000001");
            assertThat(browser.contentSecurityPolicyViolations()).as("connect").isEmpty();

            MemberJourneyBrowserTest.connect(browser, XSimulator.VETERAN);
            assertThat(browser.driver().findElement(By.id("floor-note")).getText()).startsWith(
                    "Your X account dates from March 2007");
            assertThat(browser.driver().findElement(By.id("sync-now")).isEnabled()).as("a sync is queued").isFalse();
            browser.screenshot("dashboard-veteran");
            ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView();",
                    browser.driver().findElement(By.id("sync-now")));
            browser.screenshot("dashboard-veteran-sync-now");
            assertThat(browser.contentSecurityPolicyViolations()).as("dashboard").isEmpty();

            browser.open(url("/collections"));
            assertThat(browser.contentSecurityPolicyViolations()).as("collections").isEmpty();
        }
    }

    @Test
    void dashboardOnAPhoneRendersWithoutARefusal() {
        try (Browser browser = Browser.phone()) {
            browser.open(url("/"));
            browser.driver().findElement(By.id("sign-in")).click();
            MemberJourneyBrowserTest.authorizeAtOpenHumans(browser, "10000002");
            MemberJourneyBrowserTest.connect(browser, XSimulator.VETERAN);

            browser.screenshot("dashboard-veteran-phone");
            ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView();",
                    browser.driver().findElement(By.id("reach")));
            browser.screenshot("dashboard-veteran-phone-reach");
            assertThat(browser.contentSecurityPolicyViolations()).isEmpty();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
