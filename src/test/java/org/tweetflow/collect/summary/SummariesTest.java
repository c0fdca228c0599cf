package org.tweetflow.collect.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tweetflow.collect.summary.SummaryFixture.PAGE_1;
import static org.tweetflow.collect.summary.SummaryFixture.PAGE_2;
import static org.tweetflow.collect.summary.SummaryFixture.csv;
import static org.tweetflow.collect.summary.SummaryFixture.read;
import static org.tweetflow.collect.summary.SummaryFixture.summarise;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each output over the two literal pages of {@link SummaryFixture}, asserted byte for byte. */
class SummariesTest {

    @TempDir
    Path dir;

    private String only(String file) throws IOException {
        summarise(dir, List.of(file), 1, PAGE_1, PAGE_2);
        return read(dir, file);
    }

    @Test
    void countsHashtagsLowercasedRetweetsIncludedMostFirst() throws IOException {
        assertThat(only("count-hashtags.csv")).isEqualTo(csv("hashtag,count", "climate,3", "cop30,2"));
    }

    @Test
    void countsMentionedUsernamesLowercased() throws IOException {
        assertThat(only("count-mentions.csv")).isEqualTo(csv("username,count", "alice,2", "bob,1"));
    }

    @Test
    void countsExpandedUrlsButNotThePostsOwnMediaLinks() throws IOException {
        assertThat(only("count-urls.csv")).isEqualTo(csv("url,count", "http://news.example.org:8080/story,1",
                "https://www.Example.com/a?x=1,1"));
    }

    @Test
    void countsDomainsWithoutWwwPortOrCase() throws IOException {
        assertThat(only("count-domains.csv")).isEqualTo(csv("domain,count", "example.com,1", "news.example.org,1"));
    }

    @Test
    void listsAuthorToHashtagEdgesInFileOrder() throws IOException {
        assertThat(only("edgelist-hashtags.csv")).isEqualTo(csv("user,hashtag", "alice,climate", "alice,cop30",
                "bob,climate", "carol,climate", "alice,cop30"));
    }

    @Test
    void listsAuthorToMentionedUserEdges() throws IOException {
        assertThat(only("edgelist-mentions.csv")).isEqualTo(csv("from_user,to_user", "alice,bob", "bob,alice",
                "carol,alice"));
    }

    @Test
    void followersAreEachAuthorsLatestSeenFigure() throws IOException {
        assertThat(only("count-followers.csv")).isEqualTo(csv("user,followers", "alice,120", "bob,10", "carol,5"));
    }

    @Test
    void followRatioLeavesOutAuthorsFollowingNobody() throws IOException {
        assertThat(only("follow-ratio.csv")).isEqualTo(csv("user,ratio", "alice,3", "carol,0.5"));
    }

    @Test
    void countsEachRetweetForItsOriginal() throws IOException {
        assertThat(only("retweets.csv")).isEqualTo(csv("tweet_id,count", "900,2", "1001,1"));
    }

    @Test
    void keepsOnlyTheHundredMostRetweeted() throws IOException {
        StringBuilder data = new StringBuilder();
        for (int i = 1; i <= 150; i++) {
            // original 5000+i is retweeted i times, so 5051..5150 are the top 100
            for (int r = 0; r < i; r++) {
                data.append(data.length() == 0 ? "" : ",").append(String.format(
                        "{\"id\":\"%d\",\"referenced_tweets\":[{\"type\":\"retweeted\",\"id\":\"%d\"}]}",
                        100_000 + i * 1000 + r, 5000 + i));
            }
        }
        summarise(dir, List.of("retweets.csv"), 1, "{\"data\":[" + data + "]}");
        String[] lines = read(dir, "retweets.csv").split("\r\n");
        assertThat(lines).hasSize(101);
        assertThat(lines[1]).isEqualTo("5150,150");
        assertThat(lines[100]).isEqualTo("5051,51");
    }

    @Test
    void countsPhotosByPostsAttachingThemNotVideos() throws IOException {
        assertThat(only("count-media.csv")).isEqualTo(csv("media_key,url,count",
                "3_1,https://pbs.twimg.com/media/a.jpg,2"));
    }

    @Test
    void listsEveryPostIdOnce() throws IOException {
        assertThat(only("tweet-ids.txt")).isEqualTo("1001\n1002\n1003\n1004\n1005\n1006\n");
    }

    @Test
    void countsPostsPerHourWithEmptyHoursAsZero() throws IOException {
        assertThat(only("timeline.csv")).isEqualTo(csv("hour,count", "2026-11-29T10:00:00Z,2",
                "2026-11-29T11:00:00Z,0", "2026-11-29T12:00:00Z,4"));
    }

    @Test
    void countsPostsPerAuthorFallingBackToTheAuthorId() throws IOException {
        assertThat(only("count-users.csv")).isEqualTo(csv("user,count", "alice,3", "44,1", "bob,1", "carol,1"));
    }

    @Test
    void countsLanguages() throws IOException {
        assertThat(only("count-languages.csv")).isEqualTo(csv("lang,count", "en,4", "de,1", "und,1"));
    }

    @Test
    void summaryJsonNamesTheCollectionItsSizeAndTimeRange() throws IOException {
        JsonNode summary = SummaryFixture.MAPPER.readTree(only("summary.json"));
        assertThat(summary.toString()).isEqualTo("{\"id\":\"c-42\",\"query\":\"#climate lang:en\",\"num_tweets\":6,"
                + "\"date\":\"2026-11-30T09:00:00Z\",\"first_tweet_at\":\"2026-11-29T10:15:00Z\","
                + "\"last_tweet_at\":\"2026-11-29T12:59:59Z\"}");
    }

    @Test
    void tweetsCsvHasOneQuotedRowPerPostWithEveryColumn() throws IOException {
        String[] lines = only("tweets.csv").split("\r\n");
        assertThat(lines[0]).isEqualTo("id,created_at,author_id,author_username,author_name,text,lang,hashtags,"
                + "mentions,urls,media_keys,media_urls,conversation_id,in_reply_to_user_id,replied_to_id,"
                + "retweeted_id,quoted_id,retweet_count,reply_count,like_count,quote_count,place_id,"
                + "place_full_name,place_country_code,source,tweet_url");
        assertThat(lines[1]).isEqualTo("1001,2026-11-29T10:15:00.000Z,11,alice,\"Alice, A.\","
                + "\"Hot, \"\"really\"\" hot #Climate #COP30 @Bob https://t.co/a https://t.co/p\",en,Climate COP30,Bob,"
                + "https://www.Example.com/a?x=1,3_1,https://pbs.twimg.com/media/a.jpg,1001,,,,,2,0,5,1,p1,"
                + "\"Berlin, Germany\",DE,Twitter Web App,https://x.com/alice/status/1001");
        // a line break in the text stays inside the quoted field (LF there, CRLF between records)
        assertThat(lines[3]).isEqualTo("1003,2026-11-29T12:05:00.000Z,11,alice,\"Alice, A.\",\"see\nthis "
                + "https://t.co/n\",en,,,http://news.example.org:8080/story,7_2,https://pbs.twimg.com/v.jpg,,11,1001,,"
                + "900,,,,,,,,,https://x.com/alice/status/1003");
        assertThat(lines[6]).isEqualTo("1006,2026-11-29T12:59:59.000Z,44,,,?,und,,,,,,,,,,,,,,,,,,,"
                + "https://x.com/i/web/status/1006");
        assertThat(lines).hasSize(7);
    }

    @Test
    void freeTextThatASpreadsheetWouldRunAsAFormulaStartsWithAnApostrophe() throws IOException {
        String page = """
                {"data":[{"id":"2001","author_id":"21","text":"=HYPERLINK(\\"https://evil.example\\",\\"x\\")",\
                "source":"+cmd","geo":{"place_id":"p9"}},{"id":"2002","author_id":"22","text":"@bob well said"},\
                {"id":"2003","author_id":"21","text":"a = b, -c"}],
                "includes":{"users":[{"id":"21","username":"mallory","name":"-2+3"},
                {"id":"22","username":"carol","name":"Carol"}],"places":[{"id":"p9","full_name":"@home"}]}}"""
                .replace("\n", "");
        summarise(dir, List.of("tweets.csv"), 1, page);

        String[] rows = read(dir, "tweets.csv").split("\r\n");
        assertThat(rows[1]).startsWith("2001,,21,mallory,'-2+3,\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"x\"\")\",")
                .contains(",p9,'@home,,'+cmd,");
        assertThat(rows[2]).startsWith("2002,,22,carol,Carol,'@bob well said,");
        assertThat(rows[3]).as("only the first character matters").startsWith("2003,,21,mallory,'-2+3,\"a = b, -c\",");
    }

    @Test
    void theSummaryPageReadsTheGuardedTextAsPosted() {
        for (String posted : List.of("@bob hi", "'quoted", "'=sum", "''", "plain", "=1+1")) {
            assertThat(SpreadsheetText.unguarded(SpreadsheetText.guarded(posted))).isEqualTo(posted);
        }
        assertThat(SpreadsheetText.guarded("'=sum")).as("an apostrophe of its own is kept").isEqualTo("''=sum");
    }

    @Test
    void sampleHoldsEveryPostWhenTheCollectionIsSmallerThanTheSample() throws IOException {
        String[] sample = only("sample.csv").split("\r\n");
        assertThat(sample).hasSize(1 + 6);
        assertThat(sample[1]).startsWith("1001,");
        assertThat(sample[6]).startsWith("1006,");
    }

    @Test
    void sameSeedSameSampleOtherSeedOtherSample() throws IOException {
        StringBuilder data = new StringBuilder();
        for (int i = 1; i <= 1000; i++) {
            data.append(i == 1 ? "" : ",").append("{\"id\":\"").append(i).append("\"}");
        }
        String page = "{\"data\":[" + data + "]}";
        Path first = dir.resolve("a");
        Path second = dir.resolve("b");
        Path other = dir.resolve("c");
        List.of(first, second, other).forEach(path -> path.toFile().mkdirs());
        summarise(first, List.of("sample.csv"), 7, page);
        summarise(second, List.of("sample.csv"), 7, page);
        summarise(other, List.of("sample.csv"), 8, page);
        String sample = read(first, "sample.csv");
        assertThat(sample.split("\r\n")).hasSize(1 + TweetSample.SIZE);
        assertThat(read(second, "sample.csv")).isEqualTo(sample);
        assertThat(read(other, "sample.csv")).isNotEqualTo(sample);
    }

    @Test
    void allSummariesWriteEveryFileInOnePass() throws IOException {
        SummaryResult result = summarise(dir, Summaries.FILES, 1, PAGE_1, PAGE_2);
        assertThat(result).isEqualTo(new SummaryResult(2, 6, 0, Summaries.FILES));
        assertThat(dir.resolve("out").toFile().list()).containsExactlyInAnyOrderElementsOf(Summaries.FILES);
    }
}
