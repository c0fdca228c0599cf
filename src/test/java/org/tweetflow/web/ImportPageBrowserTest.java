package org.tweetflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;
import org.tweetflow.TweetflowTest;
import org.tweetflow.archive.ConnectedMembers;
import org.tweetflow.sandbox.SandboxClients;

/**
 * The import page in a real headless Chromium: a member who has not connected X yet goes there from the connect
 * page, uploads @veteran_vera's export from the sandbox's X with the page's own form and script, and watches it
 * imported; the page at desktop and phone width. (The same context as ExportImportTest.)
 */
@TweetflowTest
@TestPropertySource(properties = {"tweetflow.archive.claim-queued=true", "tweetflow.archive.poll-interval=PT0.2S",
        "tweetflow.archive.retry-delay=PT1S", "tweetflow.http.max-retries=1", "tweetflow.http.retry-delay=100",
        "tweetflow.simulation.timeline-limit=100000"})
class ImportPageBrowserTest {

    static final Duration IMPORT = Duration.ofSeconds(120);

    @Value("${server.port}")
    int port;
    @Autowired
    ConnectedMembers members;
    @TempDir
    Path downloads;

    @AfterEach
    void forget() {
        members.forgetAll();
    }

    @Test
    void aMemberWithoutXUploadsTheirExportWithTheFormAndWatchesItImported() throws Exception {
        members.forgetAll();
        Path export = downloads.resolve("twitter-veteran_vera.zip");
        HttpBrowser.client().send(HttpRequest.newBuilder(URI.create(url(SandboxClients.X_PATH
                + "/settings/download_your_data/veteran_vera"))).build(), HttpResponse.BodyHandlers.ofFile(export));

        try (Browser browser = Browser.desktop()) {
            browser.open(url("/"));
            browser.driver().findElement(By.id("sign-in")).click();
            MemberJourneyBrowserTest.authorizeAtOpenHumans(browser, "10000001");
            browser.driver().findElement(By.id("import-link")).click();
            browser.waitFor(MemberJourneyBrowserTest.PAGE, ExpectedConditions.urlContains("/import"));
            assertThat(text(browser, "import-state")).isEqualTo("You have not imported an export yet.");
            browser.screenshot("import");

            browser.driver().findElement(By.id("import-files")).sendKeys(export.toString());
            browser.driver().findElement(By.id("import-upload")).click();

            browser.waitFor(IMPORT, driver -> text(browser, "import-state").startsWith("Done"));
            assertThat(text(browser, "import-state")).isEqualTo("Done: the 4,000 posts of your export are in your "
                    + "archive on Open Humans (" + text(browser, "import-weeks") + " weeks)");
            assertThat(text(browser, "import-account")).isEqualTo("@veteran_vera");
            assertThat(text(browser, "import-files-read")).contains("data/tweets.js: ").contains("data/tweets-part1.js");
            assertThat(text(browser, "import-files-not-read")).contains("never stored");
            assertThat(browser.contentSecurityPolicyViolations()).isEmpty();
            browser.screenshot("import-done");
        }
        try (Browser phone = Browser.phone()) {
            phone.open(url("/"));
            phone.driver().findElement(By.id("sign-in")).click();
            MemberJourneyBrowserTest.authorizeAtOpenHumans(phone, "10000001");
            phone.open(url("/import"));
            assertThat(text(phone, "import-state")).startsWith("Done");
            assertThat((Long) ((JavascriptExecutor) phone.driver()).executeScript(
                    "return document.documentElement.scrollWidth")).as("no sideways scrolling").isLessThanOrEqualTo(390L);
            phone.screenshot("import-done-phone");
        }
    }

    private static String text(Browser browser, String id) {
        return browser.driver().findElement(By.id(id)).getText();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
