package org.tweetflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.camel.test.spring.junit5.DisableJmx;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.tweetflow.OpsAccount;
import org.tweetflow.OpsConsoleTest;
import org.tweetflow.sandbox.x.XSimulator;
import org.yaml.snakeyaml.Yaml;

/**
 * What an operator sees in a real Chromium: after a member's sandbox sync, Hawtio on the management port asks for
 * the ops account with its own form, and its Camel tab lists every route of {@code routes/} with its counters; the
 * member's browser session gets nothing there.
 */
@OpsConsoleTest
@DisableJmx(false)
class HawtioBrowserTest {

    static final Duration CONSOLE = Duration.ofSeconds(60);

    @Value("${server.port}")
    int port;
    @LocalManagementPort
    int managementPort;

    @Test
    void theOperatorSignsInToHawtioAndSeesEveryRouteWithItsCounters() throws Exception {
        try (Browser browser = Browser.desktop()) {
            // a member signs in and syncs (the workers take queued syncs in this context)
            browser.open("http://localhost:" + port + "/");
            browser.driver().findElement(By.id("sign-in")).click();
            MemberJourneyBrowserTest.authorizeAtOpenHumans(browser, "10000001");
            MemberJourneyBrowserTest.connect(browser, XSimulator.SANDY);
            MemberJourneyBrowserTest.watchUntilUpToDate(browser);

            // the member's signed-in browser: nothing on the management port
            assertThat(status(browser, "/actuator/jolokia/version")).isEqualTo(401);
            assertThat(status(browser, "/actuator/hawtio/jolokia/version")).isIn(401, 403);

            browser.open(management("/actuator/hawtio/"));
            WebElement username = browser.waitFor(CONSOLE,
                    ExpectedConditions.visibilityOfElementLocated(By.id("pf-login-username-id")));
            browser.screenshot("hawtio-login");
            username.sendKeys(OpsAccount.USERNAME);
            browser.driver().findElement(By.id("pf-login-password-id")).sendKeys(OpsAccount.PASSWORD);
            browser.driver().findElement(By.cssSelector("button[type='submit']")).click();
            browser.waitFor(CONSOLE, ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

            browser.open(management("/actuator/hawtio/camel"));
            browser.waitFor(CONSOLE, ExpectedConditions.elementToBeClickable(
                    By.xpath("//*[@id='camel-tree-view']//*[normalize-space(text())='routes']"))).click();
            // the routes folder opens on its diagram; the table is the next tab
            browser.waitFor(CONSOLE, ExpectedConditions.elementToBeClickable(
                    By.xpath("//a[normalize-space()='Routes']"))).click();
            browser.waitFor(CONSOLE, ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#camel-routes-table td[data-label='Name']")));
            List<String> routeIds = routeIds();
            Map<String, Long> shown = browser.waitFor(CONSOLE, driver -> {
                Map<String, Long> routes = routesTable(browser);
                return routes.keySet().containsAll(routeIds) ? routes : null;
            });
            browser.screenshot("hawtio-camel-routes");

            assertThat(shown.keySet()).containsAll(routeIds);
            // the routes the sync ran counted its exchanges
            assertThat(shown).hasEntrySatisfying("archive-member", total -> assertThat(total).isPositive())
                    .hasEntrySatisfying("fetch-week-range", total -> assertThat(total).isPositive())
                    .hasEntrySatisfying("sync-queued-member", total -> assertThat(total).isPositive());

            // the operator's sign-in left the member's session alone (the two cookies have different names)
            browser.open("http://localhost:" + port + "/dashboard");
            assertThat(browser.driver().getCurrentUrl()).endsWith("/dashboard");
        }
    }

    /** Route id → exchanges total, as the Camel tab's routes table shows them. */
    private static Map<String, Long> routesTable(Browser browser) {
        Map<String, Long> routes = new LinkedHashMap<>();
        for (WebElement row : browser.driver().findElements(By.cssSelector("#camel-routes-table tbody tr"))) {
            String name = row.findElement(By.cssSelector("td[data-label='Name']")).getText().trim();
            String total = row.findElement(By.cssSelector("td[data-label='Total']")).getText().trim();
            routes.put(name, total.isEmpty() ? 0 : Long.parseLong(total));
        }
        return routes;
    }

    /** Every route id in the flows under routes/ (route configurations have none to show). */
    @SuppressWarnings("unchecked")
    static List<String> routeIds() throws IOException {
        List<String> ids = new ArrayList<>();
        try (DirectoryStream<Path> flows = Files.newDirectoryStream(Path.of("routes"), "*.camel.yaml")) {
            for (Path flow : flows) {
                try (InputStream in = Files.newInputStream(flow)) {
                    for (Map<String, Object> entry : (List<Map<String, Object>>) new Yaml().load(in)) {
                        if (entry.get("route") instanceof Map<?, ?> route) {
                            ids.add((String) route.get("id"));
                        }
                    }
                }
            }
        }
        return ids;
    }

    /**
     * The status the management port gives a call with the cookies the browser holds for localhost (cookies ignore
     * ports). Sent from here, not by the page: Chromium would answer a Basic challenge with its sign-in dialog.
     */
    private int status(Browser browser, String path) throws IOException, InterruptedException {
        String cookies = browser.driver().manage().getCookies().stream()
                .map(cookie -> cookie.getName() + "=" + cookie.getValue()).collect(Collectors.joining("; "));
        assertThat(cookies).as("the member's session").contains("JSESSIONID=");
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(management(path)))
                .header("Cookie", cookies).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private String management(String path) {
        return "http://localhost:" + managementPort + path;
    }
}
