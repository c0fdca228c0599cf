package org.tweetflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Value;
import org.tweetflow.TweetflowTest;

@TweetflowTest
class LandingPageBrowserTest {

    @Value("${server.port}")
    int port;

    @Test
    void showsTheSandboxBannerAndTheSignInButtonAndNoNoticeOnDesktopAndPhone() {
        String landing = "http://localhost:" + port + "/";

        try (Browser browser = Browser.desktop()) {
            browser.open(landing);

            WebElement banner = browser.waitFor(Duration.ofSeconds(10),
                    ExpectedConditions.visibilityOfElementLocated(By.id("sandbox-banner")));
            assertThat(banner.getText())
                    .contains("Sandbox")
                    .contains("X and Open Humans are simulated by this server");
            WebElement signIn = browser.driver().findElement(By.id("sign-in"));
            assertThat(signIn.isDisplayed()).isTrue();
            assertThat(signIn.getText()).isEqualTo("Sign in with Open Humans");
            assertThat(signIn.getAttribute("href")).endsWith("/oauth2/authorization/openhumans");
            assertThat(browser.driver().findElements(By.cssSelector(".notice")))
                    .as("neither \"signed out\" nor \"account deleted\" for a first visitor").isEmpty();

            browser.screenshot("landing");
        }

        try (Browser browser = Browser.phone()) {
            browser.open(landing);

            browser.waitFor(Duration.ofSeconds(10),
                    ExpectedConditions.visibilityOfElementLocated(By.id("sandbox-banner")));
            assertThat(browser.driver().findElement(By.id("sign-in")).getText()).isEqualTo("Sign in with Open Humans");
            assertThat(browser.driver().findElements(By.cssSelector(".notice"))).isEmpty();

            browser.screenshot("landing-phone");
        }
    }
}
