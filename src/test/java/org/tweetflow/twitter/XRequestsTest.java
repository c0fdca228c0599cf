package org.tweetflow.twitter;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class XRequestsTest {

    final XRequests requests = new XRequests(new XEndpoints(URI.create("https://api.x.com/"), null, null, null,
            "client", "secret", null));

    @Test
    void timelinePageAsksForAHundredPostsOfTheRangeWithTwarcsExpansions() {
        String url = requests.timelinePage(7, "1400000000000000001", Instant.parse("2024-04-29T00:00:00Z"),
                Instant.parse("2024-05-06T00:00:00Z"), null, "abc").url();

        assertThat(url).startsWith("https://api.x.com/2/users/1400000000000000001/tweets?")
                .contains("start_time=2024-04-29T00%3A00%3A00Z", "end_time=2024-05-06T00%3A00%3A00Z",
                        "max_results=100", "pagination_token=abc",
                        "expansions=author_id%2Centities.mentions.username", "tweet.fields=attachments%2C")
                .contains("attachments.media_keys%2Cattachments.poll_ids");
    }

    @Test
    void recentSearchGoesAsTheAppWhenItsBearerTokenIsConfiguredElseAsTheMember() {
        XRequests asTheApp = new XRequests(new XEndpoints(URI.create("https://api.x.com/"), null, null, null,
                "client", "secret", "app-token"));

        assertThat(asTheApp.searchPage(7, "#climate", 100, null, null).caller()).isEqualTo(new XCaller.App());
        assertThat(requests.searchPage(7, "#climate", 100, null, null).caller()).isEqualTo(new XCaller.Member(7));
    }

    @Test
    void firstPageHasNoPaginationToken() {
        String url = requests.timelinePage(7, "1", Instant.parse("2024-04-29T00:00:00Z"),
                Instant.parse("2024-05-06T00:00:00Z"), null, null).url();

        assertThat(url).doesNotContain("pagination_token");
    }

    @Test
    void aRangeWithoutAnEndSendsNoEndTime() {
        String url = requests.timelinePage(7, "1", Instant.parse("2024-04-29T00:00:00Z"), null, null, null).url();

        assertThat(url).contains("start_time=2024-04-29T00%3A00%3A00Z").doesNotContain("end_time");
    }

    @Test
    void aResumedRangeAsksForThePostsOlderThanItsUntilIdWithoutAnEndTime() {
        String url = requests.timelinePage(7, "1", Instant.parse("2024-04-29T00:00:00Z"), null,
                "1790000000000000000", null).url();

        assertThat(url).contains("until_id=1790000000000000000").doesNotContain("end_time");
    }
}
