package org.tweetflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Value;
import org.tweetflow.TweetflowTest;

/** An address with an encoded {@code ../} shows the site's own 400 page in a browser, not Tomcat's. */
@TweetflowTest
class RefusedAddressBrowserTest {

    @Value("${server.port}")
    int port;

    @Test
    void anEncodedDotDotSlashShowsTheSitesNotUnderstoodPageOnDesktopAndPhone() {
        String refused = "http://localhost:" + port + "/collections/1/files/..%2fsecret";

        try (Browser browser = Browser.desktop()) {
            shown(browser.open(refused));
            browser.screenshot("refused-address");
        }
        try (Browser browser = Browser.phone()) {
            shown(browser.open(refused));
            browser.screenshot("refused-address-phone");
        }
    }

    private static void shown(Browser browser) {
        WebElement title = browser.waitFor(Duration.ofSeconds(10),
                ExpectedConditions.visibilityOfElementLocated(By.id("problem-title")));
        assertThat(title.getText()).isEqualTo("Not understood");
        assertThat(browser.driver().findElement(By.id("problem-message")).getText())
                .startsWith("tweetflow did not understand this address");
        assertThat(browser.driver().getPageSource()).doesNotContain("Apache Tomcat");
    }
}
