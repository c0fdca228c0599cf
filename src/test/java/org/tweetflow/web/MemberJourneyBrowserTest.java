package org.tweetflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;
import org.tweetflow.TweetflowTest;
import org.tweetflow.archive.ArchiveFormat;
import org.tweetflow.member.Members;
import org.tweetflow.openhumans.ArchiveFile;
import org.tweetflow.sandbox.openhumans.OpenHumansSimulator;
import org.tweetflow.sandbox.x.XSimulator;

/**
 * A member's way through the pages in a real headless Chromium, against the sandbox's Open Humans and X: sign in,
 * connect, watch the archive fill, and the actions on the dashboard.
 */
@TweetflowTest
@TestPropertySource(properties = {"tweetflow.archive.claim-queued=true", "tweetflow.archive.poll-interval=PT0.5S",
        "tweetflow.simulation.timeline-limit=100000", "tweetflow.simulation.latency=PT0.1S"})
class MemberJourneyBrowserTest {

    // The sandbox has three Open Humans members; each keeps one X account across these tests (ada: sandy,
    // ben and cleo: sam), since an archive on Open Humans belongs to one X account.

    static final Duration PAGE = Duration.ofSeconds(15);
    static final Duration SYNC = Duration.ofSeconds(90);

    @Value("${server.port}")
    int port;
    @Autowired
    OpenHumansSimulator openHumans;
    @Autowired
    XSimulator x;
    @Autowired
    Members members;

    @Test
    void signInConnectAndWatchTheArchiveGoFromQueuedToCompleteWithAWorkingLink() {
        try (Browser browser = Browser.desktop()) {
            signIn(browser, "10000001");
            assertThat(browser.driver().getCurrentUrl()).endsWith("/connect");
            browser.screenshot("connect");

            connect(browser, XSimulator.SANDY);

            List<String> seen = watchUntilUpToDate(browser);
            assertThat(seen).as("states shown while syncing").anyMatch(s -> s.startsWith("Syncing: week"));
            assertThat(seen.get(seen.size() - 1)).isEqualTo("Idle: your archive is up to date");
            assertThat(text(browser, "tweets")).isEqualTo(String.format(Locale.ENGLISH, "%,d",
                    x.reachableTweetIds(XSimulator.SANDY).size()));
            assertThat(browser.driver().findElement(By.id("status-card")).getText()).contains(" to ");
            browser.screenshot("dashboard");

            browser.driver().findElement(By.id("archive-link")).click();
            browser.waitFor(PAGE, ExpectedConditions.not(ExpectedConditions.urlContains("/dashboard")));
            assertThat(browser.driver().getPageSource()).contains(ArchiveFormat.FORMAT).contains("sandy_archivist");
        }
    }

    @Test
    void signingInGivesTheBrowserANewSessionId() {
        try (Browser browser = Browser.desktop()) {
            browser.open(url("/oauth2/authorization/openhumans"));
            browser.waitFor(PAGE, ExpectedConditions.presenceOfElementLocated(By.name("project_member_id")));
            browser.open(url("/"));
            Cookie before = browser.driver().manage().getCookieNamed("JSESSIONID");
            browser.open(url("/oauth2/authorization/openhumans"));
            authorizeAtOpenHumans(browser, "10000002");

            Cookie after = browser.driver().manage().getCookieNamed("JSESSIONID");
            assertThat(before).isNotNull();
            assertThat(after.getValue()).isNotEqualTo(before.getValue());
        }
    }

    @Test
    void syncNowIsAcceptedOnceAndThenDisabledUntilTheIntervalHasPassed() {
        try (Browser browser = Browser.phone()) {
            signInConnected(browser, "10000002", XSimulator.SAM);
            watchUntilUpToDate(browser);
            browser.screenshot("dashboard-phone");

            submit(browser, "sync-now");
            assertThat(notice(browser)).isEqualTo("Sync queued.");
            watchUntilUpToDate(browser);

            // the live updates keep the button as the page would render it
            assertThat(browser.driver().findElement(By.id("sync-now")).isEnabled()).isFalse();
            assertThat(text(browser, "sync-now-note"))
                    .startsWith("You asked for a sync a short while ago; you can ask again from");
        }
    }

    @Test
    void anotherMembersArchiveAddressShowsAPlainNotFoundPage() {
        try (Browser browser = Browser.desktop()) {
            signInConnected(browser, "10000002", XSimulator.SAM);
            long own = members.findByProjectMemberId("10000002").orElseThrow().id();

            browser.open(url("/members/" + (own + 1000) + "/archive"));

            assertThat(text(browser, "problem-title")).isEqualTo("Not found");
            assertThat(browser.driver().findElement(By.id("sandbox-banner")).isDisplayed()).isTrue();
        }
    }

    @Test
    void signingOutEndsTheSession() {
        try (Browser browser = Browser.desktop()) {
            signInConnected(browser, "10000002", XSimulator.SAM);

            submit(browser, "sign-out");

            assertThat(notice(browser)).isEqualTo("You are signed out.");
            browser.open(url("/dashboard"));
            assertThat(browser.driver().findElements(By.id("sign-in"))).as("sent back to the landing page").hasSize(1);
        }
    }

    @Test
    void deletingTheAccountRevokesXAndForgetsTheMemberButLeavesTheArchiveOnOpenHumans() {
        try (Browser browser = Browser.desktop()) {
            signInConnected(browser, "10000003", XSimulator.SAM);
            watchUntilUpToDate(browser);
            int revocations = x.callCount("revoke");

            browser.driver().findElement(By.id("delete-account")).click();
            browser.waitFor(PAGE, ExpectedConditions.alertIsPresent()).accept();

            assertThat(browser.waitFor(PAGE, ExpectedConditions.visibilityOfElementLocated(By.id("notice-deleted")))
                    .getText()).startsWith("Your account here is deleted");
            assertThat(members.findByProjectMemberId("10000003")).isEmpty();
            assertThat(x.callCount("revoke")).isEqualTo(revocations + 1);
            assertThat(archiveFiles("10000003")).isEqualTo(1);
        }
    }

    @Test
    void disconnectKeepsOrDeletesTheArchiveAsTheMemberChooses() {
        try (Browser browser = Browser.desktop()) {
            signInConnected(browser, "10000003", XSimulator.SAM);
            watchUntilUpToDate(browser);
            int revocations = x.callCount("revoke");

            browser.driver().findElement(By.id("keep-archive")).click();
            submit(browser, "disconnect");

            assertThat(notice(browser)).isEqualTo("X disconnected. Your archive stays in your Open Humans account.");
            assertThat(archiveFiles("10000003")).isEqualTo(1);
            assertThat(x.callCount("revoke")).isEqualTo(revocations + 1);

            connect(browser, XSimulator.SAM);
            watchUntilUpToDate(browser);
            browser.driver().findElement(By.id("delete-archive")).click();
            submit(browser, "disconnect");

            assertThat(notice(browser)).isEqualTo("X disconnected and your archive deleted from Open Humans.");
            assertThat(archiveFiles("10000003")).isZero();
        }
    }

    @Test
    void cancellingAtXShowsWhatHappenedAndConnectsNothing() {
        try (Browser browser = Browser.desktop()) {
            signIn(browser, "10000003");
            browser.driver().findElement(By.id("connect-x")).click();
            browser.waitFor(PAGE, ExpectedConditions.presenceOfElementLocated(By.name("user_id")));

            browser.driver().findElement(By.cssSelector("button[value='deny']")).click();

            browser.waitFor(PAGE, ExpectedConditions.presenceOfElementLocated(By.id("problem-title")));
            assertThat(text(browser, "problem-title")).isEqualTo("X account not connected");
            assertThat(text(browser, "problem-message")).startsWith("You cancelled at X");
            browser.screenshot("connect-cancelled");
        }
    }

    @Test
    void decliningAtOpenHumansShowsWhatHappenedAndSignsNobodyIn() {
        try (Browser browser = Browser.desktop()) {
            browser.open(url("/"));
            browser.driver().findElement(By.id("sign-in")).click();
            browser.waitFor(PAGE, ExpectedConditions.presenceOfElementLocated(By.name("project_member_id")));

            browser.driver().findElement(By.cssSelector("button[value='deny']")).click();

            browser.waitFor(PAGE, ExpectedConditions.presenceOfElementLocated(By.id("problem-title")));
            assertThat(text(browser, "problem-title")).isEqualTo("Not signed in");
            assertThat(text(browser, "problem-message")).startsWith("You declined at Open Humans");
            browser.open(url("/dashboard"));
            assertThat(browser.driver().findElements(By.id("sign-in"))).as("sent back to the landing page").hasSize(1);
        }
    }

    private void signIn(Browser browser, String projectMemberId) {
        browser.open(url("/"));
        browser.driver().findElement(By.id("sign-in")).click();
        authorizeAtOpenHumans(browser, projectMemberId);
    }

    /** Signs in; connects X unless this member is connected already (the tests share the sandbox's members). */
    private void signInConnected(Browser browser, String projectMemberId, String xUserId) {
        signIn(browser, projectMemberId);
        if (browser.driver().getCurrentUrl().endsWith("/connect")) {
            connect(browser, xUserId);
        }
    }

    static void authorizeAtOpenHumans(Browser browser, String projectMemberId) {
        browser.waitFor(PAGE, ExpectedConditions.presenceOfElementLocated(By.name("project_member_id")));
        browser.driver().findElement(By.cssSelector("input[name='project_member_id'][value='" + projectMemberId + "']"))
                .click();
        browser.driver().findElement(By.cssSelector("button[value='authorize']")).click();
        browser.waitFor(PAGE, ExpectedConditions.or(ExpectedConditions.urlContains("/connect"),
                ExpectedConditions.urlContains("/dashboard")));
    }

    static void connect(Browser browser, String xUserId) {
        browser.waitFor(PAGE, ExpectedConditions.elementToBeClickable(By.id("connect-x"))).click();
        browser.waitFor(PAGE, ExpectedConditions.presenceOfElementLocated(By.name("user_id")));
        browser.driver().findElement(By.cssSelector("input[name='user_id'][value='" + xUserId + "']")).click();
        browser.driver().findElement(By.cssSelector("button[value='allow']")).click();
        browser.waitFor(PAGE, ExpectedConditions.urlContains("/dashboard"));
    }

    /** The state labels the dashboard shows, in order, until the archive is up to date; no reload by hand. */
    static List<String> watchUntilUpToDate(Browser browser) {
        List<String> seen = new ArrayList<>();
        browser.waitFor(SYNC, driver -> {
            String state = driver.findElement(By.id("state")).getText();
            if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(state)) {
                seen.add(state);
            }
            return state.equals("Idle: your archive is up to date") ? Boolean.TRUE : null;
        });
        return seen;
    }

    /** Clicks a form's button and waits for the page the answer leads to. */
    private static void submit(Browser browser, String buttonId) {
        JavascriptExecutor page = (JavascriptExecutor) browser.driver();
        page.executeScript("window.tweetflowAnswerPending = true;"); // gone once the answer page has replaced it
        browser.driver().findElement(By.id(buttonId)).click();
        browser.waitFor(PAGE, driver -> Boolean.TRUE.equals(page.executeScript(
                "return window.tweetflowAnswerPending !== true && document.readyState === 'complete';")));
    }

    private static String notice(Browser browser) {
        return browser.waitFor(PAGE, ExpectedConditions.visibilityOfElementLocated(By.id("notice"))).getText();
    }

    private static String text(Browser browser, String id) {
        return browser.driver().findElement(By.id(id)).getText();
    }

    private long archiveFiles(String projectMemberId) {
        return openHumans.files(projectMemberId).stream().filter(f -> ArchiveFile.BASENAME.equals(f.basename()))
                .count();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
