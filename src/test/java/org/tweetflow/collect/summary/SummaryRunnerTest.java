package org.tweetflow.collect.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tweetflow.collect.summary.SummaryFixture.PAGE_1;
import static org.tweetflow.collect.summary.SummaryFixture.PAGE_2;
import static org.tweetflow.collect.summary.SummaryFixture.csv;
import static org.tweetflow.collect.summary.SummaryFixture.read;
import static org.tweetflow.collect.summary.SummaryFixture.summarise;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryRunnerTest {

    @TempDir
    Path dir;

    @Test
    void aPageAppendedTwiceIsCountedOnce() throws IOException {
        SummaryResult result = summarise(dir, Summaries.FILES, 1, PAGE_1, PAGE_2, PAGE_1);
        assertThat(result.pages()).isEqualTo(3);
        assertThat(result.posts()).isEqualTo(6);
        assertThat(result.duplicates()).isEqualTo(3);
        assertThat(read(dir, "count-hashtags.csv")).isEqualTo(csv("hashtag,count", "climate,3", "cop30,2"));
        assertThat(read(dir, "tweet-ids.txt")).isEqualTo("1001\n1002\n1003\n1004\n1005\n1006\n");
        assertThat(read(dir, "edgelist-mentions.csv")).isEqualTo(csv("from_user,to_user", "alice,bob", "bob,alice",
                "carol,alice"));
        assertThat(read(dir, "tweets.csv").split("\r\n")).hasSize(7);
    }

    @Test
    void reportsProgressAndFinishesWithTheWholeFile() throws IOException {
        Path collection = SummaryFixture.jsonLines(dir, PAGE_1, PAGE_2);
        List<SummaryProgress> reports = new ArrayList<>();
        new SummaryRunner(SummaryFixture.MAPPER).run(collection, dir.resolve("out"),
                new Summaries(SummaryFixture.COLLECTION, SummaryFixture.NOW, 1).all(), reports::add);
        long size = Files.size(collection);
        assertThat(reports).containsExactly(new SummaryProgress(6, 0, size, size, true));
    }

    @Test
    void aLineThatIsNotJsonFailsAsMalformedAndLeavesNoFiles() throws IOException {
        Path collection = dir.resolve("tweets.jsonl");
        Files.writeString(collection, SummaryFixture.MAPPER.readTree(PAGE_1) + "\n{\"data\": [oops\n",
                StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        assertThatThrownBy(() -> new SummaryRunner(SummaryFixture.MAPPER).run(collection, out,
                new Summaries(SummaryFixture.COLLECTION, SummaryFixture.NOW, 1).all(), progress -> { }))
                .isInstanceOf(MalformedCollectionException.class).hasMessageContaining("page 2");
        assertThat(out.toFile().list()).isEmpty();
    }

    @Test
    void aFailingSummaryStopsThePassAndThePageReader() throws IOException {
        Path collection = SummaryFixture.jsonLines(dir, PAGE_1, PAGE_2, PAGE_1, PAGE_2);
        Summary failing = new Summary() {
            private int posts;

            @Override
            public String file() {
                return "failing.csv";
            }

            @Override
            public void accept(Post post) throws IOException {
                if (++posts == 4) {
                    throw new IOException("disk full");
                }
            }

            @Override
            public void writeTo(Path out) {
            }
        };
        Summaries summaries = new Summaries(SummaryFixture.COLLECTION, SummaryFixture.NOW, 1);
        assertThatThrownBy(() -> new SummaryRunner(SummaryFixture.MAPPER).run(collection, dir.resolve("out"),
                List.of(summaries.named("tweets.csv"), failing), progress -> { })).hasMessage("disk full");
        assertThat(dir.resolve("out").toFile().list()).isEmpty();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(thread -> thread.getName().equals("summary-pages"));
    }

    @Test
    void everySummaryGetsEachPostReadOnceWithItsPageIncludesResolved() throws IOException {
        Path collection = SummaryFixture.jsonLines(dir, PAGE_1, PAGE_2);
        List<Post> first = new ArrayList<>();
        List<Post> second = new ArrayList<>();
        new SummaryRunner(SummaryFixture.MAPPER).run(collection, dir.resolve("out"), List.of(probe(first),
                probe(second)), progress -> { });
        assertThat(first).hasSize(6);
        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i)).isSameAs(first.get(i));
        }
        Post post = first.get(0);
        assertThat(post.id()).isEqualTo(1001);
        assertThat(post.createdAt()).isEqualTo(Instant.parse("2026-11-29T10:15:00Z"));
        assertThat(post.authorKey()).isEqualTo("alice");
        assertThat(post.figures()).isEqualTo(new Post.Figures(100, 40));
        assertThat(post.hashtags()).containsExactly("climate", "cop30");
        assertThat(post.mentions()).containsExactly("bob");
        assertThat(post.urls()).containsExactly("https://www.Example.com/a?x=1");
        assertThat(post.photos()).containsExactly(new Post.Photo("3_1", "https://pbs.twimg.com/media/a.jpg"));
        assertThat(post.row()).startsWith("1001", "2026-11-29T10:15:00.000Z", "11", "alice", "Alice, A.");
        assertThat(first.get(1).authorKey()).isEqualTo("bob");
        assertThat(first.get(1).retweeted()).isEqualTo("900");
        assertThat(first.get(2).photos()).as("a video is no photo").isEmpty();
        assertThat(first.get(3).figures()).isEqualTo(new Post.Figures(5, 10));
        assertThat(first.get(5).authorKey()).as("an author the page did not include").isEqualTo("44");
        assertThat(first.get(5).figures()).isNull();
    }

    @Test
    void aMalformedRetweetedIdFailsRetweetsCsvOnly() throws IOException {
        String page = "{\"data\":[{\"id\":\"1\",\"referenced_tweets\":[{\"type\":\"retweeted\","
                + "\"id\":\"x9\"}]}]}";
        summarise(dir, List.of("tweets.csv", "count-users.csv"), 1, page);
        assertThat(read(dir, "tweets.csv")).contains("\r\n1,,,,,,,,,,,,,,,x9,");
        assertThatThrownBy(() -> summarise(dir, List.of("retweets.csv"), 1, page))
                .isInstanceOf(MalformedCollectionException.class).hasMessageContaining("x9");
    }

    /** A summary that keeps the posts it is given. */
    private static Summary probe(List<Post> posts) {
        return new Summary() {
            @Override
            public String file() {
                return "probe-" + System.identityHashCode(posts);
            }

            @Override
            public void accept(Post post) {
                posts.add(post);
            }

            @Override
            public void writeTo(Path out) {
            }
        };
    }

    @Test
    void readsCreatedAtWithoutMillisecondsToo() throws IOException {
        summarise(dir, List.of("timeline.csv"), 1, "{\"data\":[{\"id\":\"1\",\"created_at\":\"2026-11-29T10:15:00Z\"},"
                + "{\"id\":\"2\",\"created_at\":\"2026-11-29T11:59:59.999Z\"},{\"id\":\"3\",\"created_at\":\"yesterday\"}]}");
        assertThat(read(dir, "timeline.csv")).isEqualTo(csv("hour,count", "2026-11-29T10:00:00Z,1",
                "2026-11-29T11:00:00Z,1"));
    }

    @Test
    void bundleZipsEverySummaryButTheRawPosts() throws IOException {
        summarise(dir, Summaries.FILES, 1, PAGE_1, PAGE_2);
        Path out = dir.resolve("out");
        Files.writeString(out.resolve("tweets.jsonl"), "raw");
        List<String> zipped = Bundle.write(out, "tweets.jsonl");
        assertThat(zipped).containsExactlyElementsOf(Summaries.FILES.stream().sorted().toList());
        List<String> entries = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(out.resolve(Bundle.FILE)))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.add(entry.getName());
                if (entry.getName().equals("count-hashtags.csv")) {
                    assertThat(new String(zip.readAllBytes(), StandardCharsets.UTF_8))
                            .isEqualTo(read(dir, "count-hashtags.csv"));
                }
            }
        }
        assertThat(entries).isEqualTo(zipped);
    }
}
