package org.tweetflow.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.IntStream;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.tweetflow.TweetflowExchange;
import org.tweetflow.TweetflowTest;
import org.tweetflow.archive.ConnectedMembers;
import org.tweetflow.config.TweetflowProperties;
import org.tweetflow.sandbox.SandboxClients;
import org.tweetflow.sandbox.x.XSimulator;

/**
 * The photo fetch of the media step against hosts that cannot answer, counting the requests it sends (each
 * {@code MediaRequests.prepare} is one attempt): a host that refuses connections, one that does not exist, a photo
 * that is gone. No timing: the calls made are what an unreachable host costs.
 */
@TweetflowTest
@TestPropertySource(properties = {"tweetflow.media.parallel-fetches=2", "tweetflow.media.host-failures=3"})
class PhotoFetchRouteTest {

    @Autowired
    ProducerTemplate camel;
    @Autowired
    ConnectedMembers members;
    @Autowired
    NewCollections newCollections;
    @Autowired
    CollectionFiles files;
    @Autowired
    CollectionSteps steps;
    @Autowired
    TweetflowProperties properties;
    @Autowired
    JdbcTemplate jdbc;
    @MockitoSpyBean
    MediaRequests requests;
    @LocalServerPort
    int port;

    /** Attempts per photo URL. */
    final ConcurrentMap<String, Integer> attempts = new ConcurrentHashMap<>();

    @BeforeEach
    void countAttempts() throws Exception {
        doAnswer(call -> {
            attempts.merge(call.<Exchange>getArgument(0).getProperty(TweetflowExchange.PHOTO, Photo.class).url(), 1,
                    Integer::sum);
            return call.callRealMethod();
        }).when(requests).prepare(any());
    }

    @AfterEach
    void forget() {
        jdbc.update("DELETE FROM collection");
        jdbc.update("DELETE FROM work_item");
        jdbc.update("DELETE FROM member");
    }

    @Test
    void aHostRefusingConnectionsCostsOneAttemptPerPhotoUntilItsBreakerOpensThenNone() throws Exception {
        // tcpmux's port: nothing listens there, and no other test can bind it meanwhile (a freed ephemeral port could)
        int closed = 1;
        List<String> urls = IntStream.range(0, 40).mapToObj(i -> "http://127.0.0.1:" + closed + "/p" + i + ".jpg")
                .toList();
        Collection collection = withPhotos(urls);

        fingerprint(collection);

        TweetflowProperties.Media media = properties.media();
        assertThat(attempts.values()).as("never retried").allMatch(n -> n == 1);
        // the breaker opened before the last photo: at least hostFailures asked; how many more depends on how the
        // fetching threads and the splitting thread interleave (3 + 2 + 1 expected; a loaded CI run met 20 of 40,
        // not yet explained)
        assertThat(attempts).as("until the breaker opened").hasSizeBetween(media.hostFailures(), urls.size() - 1);
        List<List<String>> rows = mediaCsv(collection);
        assertThat(rows).hasSize(urls.size()).allSatisfy(row -> assertThat(row.get(5)).isNotEmpty());
        assertThat(rows).filteredOn(row -> row.get(5).startsWith("not asked for"))
                .hasSize(urls.size() - attempts.size());
        assertThat(steps.of(collection.id())).filteredOn(step -> MediaFingerprints.STEPS.contains(step.name()))
                .hasSize(2).allSatisfy(step -> {
                    assertThat(step.state()).isEqualTo(CollectionStep.DONE);
                    assertThat(step.detail()).contains("photos from 127.0.0.1 were not fetched");
                    assertThat(step.retriable()).isTrue();
                });

        assertThat(steps.retry(collection.id(), MediaFingerprints.CSV)).as("a retry may fetch them").isTrue();
    }

    @Test
    void anUnknownHostIsAskedOnceAPhoto() throws Exception {
        List<String> urls = List.of("http://no-such-host.invalid/a.jpg", "http://no-such-host.invalid/b.jpg");
        Collection collection = withPhotos(urls);

        fingerprint(collection);

        assertThat(attempts).containsOnlyKeys(urls).allSatisfy((url, n) -> assertThat(n).isEqualTo(1));
        assertThat(mediaCsv(collection)).allSatisfy(row -> assertThat(row.get(5))
                .startsWith("unknown host no-such-host.invalid"));
    }

    @Test
    void aPhotoTheHostDoesNotHaveIsAskedOnceAndLeavesTheHostTrusted() throws Exception {
        // the sandbox's pbs.twimg.com answers 404 to a media key it never gave; its photos still come
        String gone = "http://localhost:" + port + SandboxClients.X_PATH + "/media/3_1.jpg";
        List<String> urls = IntStream.range(0, 12).mapToObj(i -> gone.replace("3_1", "3_" + (i + 1))).toList();
        Collection collection = withPhotos(urls);

        fingerprint(collection);

        assertThat(attempts).containsOnlyKeys(urls).allSatisfy((url, n) -> assertThat(n).isEqualTo(1));
        assertThat(mediaCsv(collection)).allSatisfy(row -> assertThat(row.get(5))
                .isEqualTo("the photo's host answered 404"));
        assertThat(steps.of(collection.id())).filteredOn(step -> MediaFingerprints.STEPS.contains(step.name()))
                .allSatisfy(step -> assertThat(step.retriable()).as("nothing a retry could fetch").isFalse());
    }

    private Collection withPhotos(List<String> urls) throws IOException {
        var member = members.connect("10000001", XSimulator.SAM, java.time.Instant.now());
        Collection collection = newCollections.start(member.id(), "#climate", 100, null);
        Path dir = Files.createDirectories(files.summaries(collection.id()));
        StringBuilder csv = new StringBuilder("media_key,url,count\r\n");
        for (int i = 0; i < urls.size(); i++) {
            csv.append("3_").append(i + 1).append(',').append(urls.get(i)).append(",1\r\n");
        }
        Files.writeString(dir.resolve("count-media.csv"), csv, StandardCharsets.UTF_8);
        return collection;
    }

    private void fingerprint(Collection collection) {
        camel.send("direct:fingerprint-media",
                exchange -> exchange.setProperty(TweetflowExchange.COLLECTION_ID, collection.id()));
    }

    private List<List<String>> mediaCsv(Collection collection) throws IOException {
        try (var csv = org.tweetflow.collect.summary.CsvReader.open(files.summaries(collection.id())
                .resolve(MediaFingerprints.CSV))) {
            csv.next();
            List<List<String>> rows = new java.util.ArrayList<>();
            for (List<String> row = csv.next(); row != null; row = csv.next()) {
                rows.add(row);
            }
            return rows;
        }
    }
}
