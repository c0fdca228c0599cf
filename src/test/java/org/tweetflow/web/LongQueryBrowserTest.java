package org.tweetflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tweetflow.TweetflowTest;
import org.tweetflow.collect.Collection;
import org.tweetflow.collect.CollectionFiles;
import org.tweetflow.collect.Collections;
import org.tweetflow.sandbox.x.XSimulator;

/**
 * A query of 512 characters without a space, X's longest, wraps in every page that shows it (the collections list, a
 * collection's heading and details, the comparison, the refusal of a query that quotes it) at phone and desktop
 * widths: nothing is wider than the page or its card. The screenshots are target/screenshots/long-query-*.png.
 */
@TweetflowTest
class LongQueryBrowserTest {

    static final String LONG = "#" + "climatechange".repeat(39) + "abcd";

    /** The elements wider than what holds them: the page, a card, or a table in its card. */
    static final String OVERFLOWING = """
            const out = [];
            const page = document.documentElement;
            if (page.scrollWidth > page.clientWidth) out.push('page ' + page.scrollWidth + ' > ' + page.clientWidth);
            document.querySelectorAll('.card').forEach(card => {
              if (card.scrollWidth > card.clientWidth) out.push('card ' + (card.id || card.querySelector('h2')?.textContent)
                  + ' ' + card.scrollWidth + ' > ' + card.clientWidth);
              card.querySelectorAll('table').forEach(table => {
                if (table.getBoundingClientRect().right > card.getBoundingClientRect().right + 0.5)
                  out.push('table ' + table.id + ' ends past its card');
              });
            });
            document.querySelectorAll('h1').forEach(h => {
              if (h.scrollWidth > h.clientWidth) out.push('h1 ' + h.scrollWidth + ' > ' + h.clientWidth);
            });
            return out;""";

    @Value("${server.port}")
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Collections collections;
    @Autowired
    CollectionFiles files;

    @AfterEach
    void forget() {
        jdbc.update("DELETE FROM collection");
        jdbc.update("DELETE FROM work_item");
        jdbc.update("DELETE FROM member");
    }

    @Test
    void aQueryOf512CharactersWithoutASpaceWrapsOnEveryPageAtPhoneAndDesktopWidths() throws IOException {
        assertThat(LONG).hasSize(512).doesNotContain(" ");
        check("desktop", Browser::desktop);
        jdbc.update("DELETE FROM collection");
        jdbc.update("DELETE FROM member");
        check("phone", Browser::phone);
    }

    private void check(String width, Supplier<Browser> opened) throws IOException {
        try (Browser browser = opened.get()) {
            browser.open(url("/"));
            browser.driver().findElement(By.id("sign-in")).click();
            MemberJourneyBrowserTest.authorizeAtOpenHumans(browser, "10000001");
            MemberJourneyBrowserTest.connect(browser, XSimulator.SAM);
            long member = jdbc.queryForObject("SELECT id FROM member", Long.class);
            Collection longOne = collections.create(member, LONG, 1000, null);
            Collection other = collections.create(member, "#opendata", 1000, null);
            collections.failed(longOne.id(), "X answered 400: " + LONG);
            // summarised, so that they can be compared; a hashtag may be long too (X takes 139 characters)
            for (Collection c : List.of(longOne, other)) {
                Path summaries = Files.createDirectories(files.summaries(c.id()));
                Files.writeString(summaries.resolve("count-hashtags.csv"), "hashtag,count\n" + LONG.substring(1, 140)
                        + ",3\nclimate,2\n");
            }

            // each page, scrolled to where it shows the query
            Map<String, String> pages = new LinkedHashMap<>();
            pages.put("list", "/collections#collection-list");
            pages.put("collection", "/collections/" + longOne.id() + "#owner-actions");
            pages.put("compare", "/collections/compare?ids=" + longOne.id() + "&ids=" + other.id());
            for (Map.Entry<String, String> page : pages.entrySet()) {
                browser.open(url(page.getValue()));
                browser.waitFor(CollectionsBrowserTest.PAGE, ExpectedConditions.presenceOfElementLocated(By.tagName(
                        "main")));
                String name = "long-query-" + width + "-" + page.getKey();
                browser.screenshot(name);
                assertThat(overflowing(browser)).as(name).isEmpty();
                assertThat(browser.driver().findElement(By.tagName("main")).getText()).as(name).contains(LONG);
            }

            // a refusal quotes the operator X does not know, all 500 letters of it
            browser.open(url("/collections"));
            String unknownOperator = "a".repeat(500) + ":b #climate";
            ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];",
                    browser.driver().findElement(By.id("query")), unknownOperator);
            browser.driver().findElement(By.id("start")).click();
            browser.waitFor(CollectionsBrowserTest.PAGE, ExpectedConditions.presenceOfElementLocated(By.id("error")));
            browser.screenshot("long-query-" + width + "-refused");
            assertThat(browser.driver().findElement(By.id("error")).getText()).contains("a".repeat(500));
            assertThat(overflowing(browser)).as("the refusal").isEmpty();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> overflowing(Browser browser) {
        return (List<String>) ((JavascriptExecutor) browser.driver()).executeScript(OVERFLOWING);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
