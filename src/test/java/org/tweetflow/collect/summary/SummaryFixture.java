package org.tweetflow.collect.summary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Two small search pages in X v2's shapes, and how to run summaries over pages written as JSON Lines. */
final class SummaryFixture {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final CollectionInfo COLLECTION = new CollectionInfo("c-42", "#climate lang:en");
    static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");

    /** alice posts with a photo, a link, a place; bob retweets 900; alice replies with a link and a video. */
    static final String PAGE_1 = """
            {"data": [
              {"id": "1001", "author_id": "11", "created_at": "2026-11-29T10:15:00.000Z", "lang": "en",
               "conversation_id": "1001", "source": "Twitter Web App",
               "text": "Hot, \\"really\\" hot #Climate #COP30 @Bob https://t.co/a https://t.co/p",
               "entities": {"hashtags": [{"start": 21, "end": 29, "tag": "Climate"}, {"start": 30, "end": 36, "tag": "COP30"}],
                            "mentions": [{"start": 37, "end": 41, "username": "Bob", "id": "22"}],
                            "urls": [{"url": "https://t.co/a", "expanded_url": "https://www.Example.com/a?x=1", "display_url": "example.com/a"},
                                     {"url": "https://t.co/p", "expanded_url": "https://x.com/alice/status/1001/photo/1", "media_key": "3_1"}]},
               "attachments": {"media_keys": ["3_1"]}, "geo": {"place_id": "p1"},
               "public_metrics": {"retweet_count": 2, "reply_count": 0, "like_count": 5, "quote_count": 1}},
              {"id": "1002", "author_id": "22", "created_at": "2026-11-29T10:45:00.000Z", "lang": "de",
               "text": "RT @alice: #climate now", "source": "Twitter for Android",
               "entities": {"hashtags": [{"start": 11, "end": 19, "tag": "climate"}],
                            "mentions": [{"start": 3, "end": 9, "username": "alice", "id": "11"}]},
               "referenced_tweets": [{"type": "retweeted", "id": "900"}],
               "public_metrics": {"retweet_count": 7, "reply_count": 0, "like_count": 0, "quote_count": 0}},
              {"id": "1003", "author_id": "11", "created_at": "2026-11-29T12:05:00.000Z", "lang": "en",
               "text": "see\\nthis https://t.co/n", "in_reply_to_user_id": "11",
               "entities": {"urls": [{"url": "https://t.co/n", "expanded_url": "http://news.example.org:8080/story"}]},
               "referenced_tweets": [{"type": "replied_to", "id": "1001"}, {"type": "quoted", "id": "900"}],
               "attachments": {"media_keys": ["7_2"]}}
             ],
             "includes": {
               "users": [{"id": "11", "username": "alice", "name": "Alice, A.", "public_metrics": {"followers_count": 100, "following_count": 40}},
                         {"id": "22", "username": "Bob", "name": "Bob", "public_metrics": {"followers_count": 10, "following_count": 0}}],
               "tweets": [{"id": "900", "author_id": "33", "text": "#climate now"}],
               "media": [{"media_key": "3_1", "type": "photo", "url": "https://pbs.twimg.com/media/a.jpg"},
                         {"media_key": "7_2", "type": "video", "preview_image_url": "https://pbs.twimg.com/v.jpg"}],
               "places": [{"id": "p1", "full_name": "Berlin, Germany", "country_code": "DE"}]},
             "meta": {"result_count": 3, "newest_id": "1003", "oldest_id": "1001", "next_token": "t2"}}
            """;

    /** carol retweets 900 with the photo; alice (now with 120 followers) retweets 1001; an author X did not include. */
    static final String PAGE_2 = """
            {"data": [
              {"id": "1004", "author_id": "33", "created_at": "2026-11-29T12:30:00.000Z", "lang": "en", "text": "RT",
               "entities": {"hashtags": [{"tag": "Climate"}], "mentions": [{"username": "alice"}]},
               "referenced_tweets": [{"type": "retweeted", "id": "900"}], "attachments": {"media_keys": ["3_1"]}},
              {"id": "1005", "author_id": "11", "created_at": "2026-11-29T12:40:00.000Z", "lang": "en", "text": "RT",
               "entities": {"hashtags": [{"tag": "cop30"}]},
               "referenced_tweets": [{"type": "retweeted", "id": "1001"}]},
              {"id": "1006", "author_id": "44", "created_at": "2026-11-29T12:59:59.000Z", "lang": "und", "text": "?"}
             ],
             "includes": {
               "users": [{"id": "33", "username": "carol", "name": "Carol", "public_metrics": {"followers_count": 5, "following_count": 10}},
                         {"id": "11", "username": "alice", "name": "Alice, A.", "public_metrics": {"followers_count": 120, "following_count": 40}}],
               "media": [{"media_key": "3_1", "type": "photo", "url": "https://pbs.twimg.com/media/a.jpg"}]},
             "meta": {"result_count": 3, "newest_id": "1006", "oldest_id": "1004"}}
            """;

    private SummaryFixture() {
    }

    /** The pages as JSON Lines (each page compacted to one line, as twarc writes them). */
    static Path jsonLines(Path dir, String... pages) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String page : pages) {
            lines.add(MAPPER.readTree(page).toString());
        }
        Path file = dir.resolve("tweets.jsonl");
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    /** Runs the summaries writing {@code files} over the pages; returns the result, the files are in {@code dir}. */
    static SummaryResult summarise(Path dir, List<String> files, long sampleSeed, String... pages)
            throws IOException {
        Path collection = jsonLines(dir, pages);
        Summaries summaries = new Summaries(COLLECTION, NOW, sampleSeed);
        return new SummaryRunner(MAPPER).run(collection, dir.resolve("out"),
                files.stream().map(summaries::named).toList(), progress -> { });
    }

    static String read(Path dir, String file) throws IOException {
        return Files.readString(dir.resolve("out").resolve(file), StandardCharsets.UTF_8);
    }

    /** CSV lines joined with CRLF, as RFC 4180 ends records. */
    static String csv(String... lines) {
        return String.join("\r\n", lines) + "\r\n";
    }
}
