package org.tweetflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;
import org.tweetflow.TweetflowTest;
import org.tweetflow.sandbox.x.XSimulator;

/**
 * A researcher's collection in a real headless Chromium, against the sandbox: sign in, connect X, start a collection
 * from the form, and read its summary page once this replica's workers have collected and summarised it.
 */
@TweetflowTest
@TestPropertySource(properties = {"tweetflow.collect.claim-queued=true", "tweetflow.collect.poll-interval=PT0.5S"})
class CollectionsBrowserTest {

    static final Duration PAGE = Duration.ofSeconds(15);
    static final Duration COLLECT = Duration.ofSeconds(90);
    static final int POSTS = 300;
    static final String READABLE_TIME = "[0-9]{1,2} [A-Z][a-z]{2} [0-9]{4}, [0-9]{2}:[0-9]{2} UTC";

    @Value("${server.port}")
    int port;

    @Test
    void aCollectionStartedFromTheFormIsCollectedSummarisedAndChartedOnItsPage() {
        try (Browser browser = Browser.desktop()) {
            signInAndConnect(browser, "10000001", XSimulator.SAM);
            browser.driver().findElement(By.id("nav-collections")).click();
            browser.waitFor(PAGE, ExpectedConditions.presenceOfElementLocated(By.id("new-collection")));
            browser.driver().findElement(By.id("query")).sendKeys("#climate");
            WebElement count = browser.driver().findElement(By.id("max-count"));
            count.clear();
            count.sendKeys(Integer.toString(POSTS));
            browser.driver().findElement(By.id("start")).click();
            browser.waitFor(PAGE, ExpectedConditions.presenceOfElementLocated(By.id("collection-page")));
            String summaryUrl = browser.driver().getCurrentUrl();

            // no reload by hand: the page reloads itself while collecting and summarising
            browser.waitFor(COLLECT, driver -> "summarised".equals(text(browser, "summaries-state")) ? true : null);

            assertThat(text(browser, "state")).isEqualTo("collected");
            assertThat(browser.driver().findElement(By.id("download-bundle")).getAttribute("href"))
                    .endsWith("/files/bundle.zip");
            assertThat(text(browser, "collected")).isEqualTo(POSTS + " of " + POSTS);
            List<WebElement> hashtags = browser.driver().findElements(By.cssSelector("#hashtags table.bars tbody tr"));
            assertThat(hashtags).hasSizeBetween(2, 25);
            assertThat(hashtags.get(0).findElement(By.tagName("th")).getText()).isEqualTo("#climate");
            assertThat(Integer.parseInt(hashtags.get(0).findElement(By.cssSelector("td.num")).getText()))
                    .isGreaterThanOrEqualTo(POSTS);
            assertThat(browser.driver().findElements(By.cssSelector("#mentions table.bars tbody tr"))).isNotEmpty();
            assertThat(browser.driver().findElements(By.cssSelector("#domains table.bars tbody tr"))).isNotEmpty();
            assertThat(browser.driver().findElements(By.cssSelector("#timeline svg rect"))).isNotEmpty();
            assertThat(browser.driver().findElement(By.cssSelector("#retweets a")).getAttribute("href"))
                    .startsWith("https://x.com/i/web/status/");
            List<WebElement> photos = browser.driver().findElements(By.cssSelector("#photos img"));
            assertThat(photos).isNotEmpty();
            assertThat(browser.driver().findElements(By.cssSelector("#matching ol.matches > li"))).isNotEmpty();
            // the pictures load lazily, once they come into view
            script(browser, "arguments[0].scrollIntoView();", browser.driver().findElement(By.id("photos")));
            browser.waitFor(PAGE, driver -> Boolean.TRUE.equals(script(browser, "return Array.from("
                    + "document.querySelectorAll('#photos img')).every(img => img.complete && img.naturalWidth > 0);"))
                    ? true : null);
            // every picture comes from this service, never from X: the reader's browser tells X nothing
            String ours = summaryUrl.replaceFirst("\\?.*", "") + "/media/";
            assertThat(browser.driver().findElements(By.tagName("img"))).isNotEmpty()
                    .allSatisfy(img -> assertThat(img.getAttribute("src")).startsWith(ours));
            assertThat(text(browser, "started")).matches(READABLE_TIME);
            // not empty first: allSatisfy holds for no rows at all
            assertThat(browser.driver().findElements(By.cssSelector("#timeline .axis time"))).isNotEmpty()
                    .allSatisfy(time -> assertThat(time.getText()).matches(READABLE_TIME));
            assertThat(browser.driver().findElement(By.cssSelector("#followers td.num")).getText())
                    .as("the most followed author's followers (the sandbox's go up to 200,000)")
                    .matches("[0-9]{1,3}(,[0-9]{3})+");
            List<String> sample = ids(browser);
            assertThat(sample).hasSize(20);
            wholePageScreenshot(browser, "collection-summary");
            assertThat(browser.driver().findElement(By.cssSelector("#hashtags svg.bar rect")).getSize().getWidth())
                    .as("the longest bar, drawn without a style attribute").isGreaterThan(100);
            assertThat(browser.contentSecurityPolicyViolations()).as("the summary page under its policy").isEmpty();

            browser.driver().findElement(By.id("resample")).click();
            browser.waitFor(PAGE, ExpectedConditions.urlContains("seed="));
            assertThat(ids(browser)).hasSize(20).isNotEqualTo(sample);

            browser.open(url("/collections"));
            WebElement row = browser.waitFor(PAGE,
                    ExpectedConditions.presenceOfElementLocated(By.cssSelector("#collection-list tbody tr")));
            assertThat(row.getText()).contains("#climate").contains("collected").contains(POSTS + " of " + POSTS);
            assertThat(row.findElement(By.tagName("time")).getText()).matches(READABLE_TIME);
            assertThat(row.findElement(By.tagName("a")).getAttribute("href")).isEqualTo(summaryUrl);
            browser.screenshot("collections-list");
        }
    }

    private void signInAndConnect(Browser browser, String projectMemberId, String xUserId) {
        browser.open(url("/"));
        browser.driver().findElement(By.id("sign-in")).click();
        browser.waitFor(PAGE, ExpectedConditions.presenceOfElementLocated(By.name("project_member_id")));
        browser.driver().findElement(By.cssSelector("input[name='project_member_id'][value='" + projectMemberId + "']"))
                .click();
        browser.driver().findElement(By.cssSelector("button[value='authorize']")).click();
        browser.waitFor(PAGE, ExpectedConditions.elementToBeClickable(By.id("connect-x"))).click();
        browser.waitFor(PAGE, ExpectedConditions.presenceOfElementLocated(By.name("user_id")));
        browser.driver().findElement(By.cssSelector("input[name='user_id'][value='" + xUserId + "']")).click();
        browser.driver().findElement(By.cssSelector("button[value='allow']")).click();
        browser.waitFor(PAGE, ExpectedConditions.urlContains("/dashboard"));
    }

    /**
     * The whole page, not only the window: the window is made as tall as the page for the picture, and the pictures
     * that came into view by that are loaded first.
     */
    private static void wholePageScreenshot(Browser browser, String name) {
        Dimension window = browser.driver().manage().window().getSize();
        long height = ((Number) script(browser, "return document.documentElement.scrollHeight;")).longValue();
        browser.driver().manage().window().setSize(new Dimension(window.getWidth(), (int) Math.min(height + 150, 8000)));
        script(browser, "window.scrollTo(0, 0);");
        browser.waitFor(PAGE, driver -> Boolean.TRUE.equals(script(browser, "return Array.from("
                + "document.querySelectorAll('img')).every(img => img.complete && img.naturalWidth > 0);")) ? true : null);
        browser.screenshot(name);
        browser.driver().manage().window().setSize(window);
    }

    private static List<String> ids(Browser browser) {
        return browser.driver().findElements(By.cssSelector("#sample li")).stream()
                .map(li -> li.getAttribute("data-id")).toList();
    }

    private static Object script(Browser browser, String script, Object... arguments) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script, arguments);
    }

    private static String text(Browser browser, String id) {
        List<WebElement> found = browser.driver().findElements(By.id(id));
        return found.isEmpty() ? "" : found.get(0).getText();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
