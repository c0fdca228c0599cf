package org.tweetflow.collect;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tweetflow.TweetflowExchange;
import org.tweetflow.collect.summary.CsvReader;
import org.tweetflow.collect.summary.CsvWriter;
import org.tweetflow.collect.summary.OutputFile;
import org.tweetflow.work.LeaseLostException;
import org.tweetflow.work.WorkItem;

/**
 * The steps of the {@code fingerprint-media} route, dnflow's media step: every photo the collection's posts attach
 * is fetched once, fingerprinted (MD5, perceptual hash) and kept as a thumbnail for the page, and the results written
 * as {@code media.csv} and {@code media-graph.json}: photos as nodes, near-duplicates (hashes at most {@value #NEAR}
 * bits apart) as links. A photo X no longer serves is listed with why, and does not fail the step.
 */
@Component("mediaFingerprints")
public class MediaFingerprints implements AggregationStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(MediaFingerprints.class);

    public static final String CSV = "media.csv";
    public static final String GRAPH = "media-graph.json";
    public static final List<String> STEPS = List.of(CSV, GRAPH);
    /** Copies re-encoded, brightened or cropped by a few percent stay within; different pictures rarely come below 20. */
    static final int NEAR = 12;

    private final CollectionFiles files;
    private final CollectionSteps steps;
    private final Thumbnails thumbnails;
    private final ObjectMapper mapper;

    public MediaFingerprints(CollectionFiles files, CollectionSteps steps, Thumbnails thumbnails,
            ObjectMapper mapper) {
        this.files = files;
        this.steps = steps;
        this.thumbnails = thumbnails;
        this.mapper = mapper;
    }

    /** Whether this pass makes the media outputs (both, from one fetch): it could claim one of them. */
    public boolean due(@ExchangeProperty(TweetflowExchange.COLLECTION_ID) long collectionId,
            @ExchangeProperty(TweetflowExchange.WORK_ITEM) WorkItem item) {
        return !steps.claim(collectionId, item, STEPS).isEmpty();
    }

    /** The photos of count-media.csv (media_key,url,count), with a URL to fetch. */
    public List<Photo> photos(@ExchangeProperty(TweetflowExchange.COLLECTION_ID) long collectionId,
            @ExchangeProperty(TweetflowExchange.WORK_ITEM) WorkItem item) throws IOException {
        List<Photo> photos = new ArrayList<>();
        try (CsvReader csv = CsvReader.open(files.summaries(collectionId).resolve("count-media.csv"))) {
            csv.next(); // media_key,url,count
            for (List<String> row = csv.next(); row != null; row = csv.next()) {
                if (row.size() == 3 && row.get(1).startsWith("http")) {
                    photos.add(new Photo(row.get(0), row.get(1), Long.parseLong(row.get(2).strip())));
                }
            }
        }
        steps.set(collectionId, item, STEPS, CollectionStep.RUNNING, fetching(0, photos.size()), null);
        return photos;
    }

    /** Body: the photo's bytes, as its URL served them; the picture is kept as a thumbnail while it is decoded. */
    public Fingerprint fingerprint(@Body byte[] bytes, @ExchangeProperty(TweetflowExchange.PHOTO) Photo photo,
            @ExchangeProperty(TweetflowExchange.COLLECTION_ID) long collectionId) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        if (image == null) {
            return new Fingerprint(photo, md5(bytes), null, "not a picture");
        }
        thumbnails.write(collectionId, photo.mediaKey(), image);
        return new Fingerprint(photo, md5(bytes), PHash.of(image), null);
    }

    /** Why the media outputs could not be made (no count-media.csv, say): both steps say so. */
    public void failed(@ExchangeProperty(TweetflowExchange.COLLECTION_ID) long collectionId,
            @ExchangeProperty(TweetflowExchange.WORK_ITEM) WorkItem item,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception why) {
        if (why instanceof LeaseLostException taken) {
            // the new holder fetches the photos: nothing is recorded by this pass, nor logged as a failure
            throw taken;
        }
        LOG.error("The media outputs of collection {} failed", collectionId, why);
        steps.set(collectionId, item, STEPS, CollectionStep.FAILED, null, why.getMessage());
    }

    /**
     * A photo not fetched, and why: its host's doing (no answer, its circuit breaker open: a retry may fetch it) or
     * the photo's (gone).
     */
    public Fingerprint unreachable(@ExchangeProperty(TweetflowExchange.PHOTO) Photo photo,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception why) {
        if (why instanceof CallNotPermittedException) {
            return new Fingerprint(photo, null, null, "not asked for: too many photos from "
                    + MediaHosts.host(photo) + " failed just before", true);
        }
        if (why instanceof IOException) {
            String reason = why instanceof UnknownHostException ? "unknown host " + why.getMessage()
                    : why.getMessage() == null ? why.getClass().getSimpleName() : why.getMessage();
            return new Fingerprint(photo, null, null, reason, true);
        }
        return new Fingerprint(photo, null, null, why.getMessage());
    }

    /**
     * The split's aggregator: the fingerprints in the order of the photos; every hundredth of the photos done is the
     * step's progress ("fetching photos n of m"), written under the collection's lease: 100,000 photos are a hundred
     * updates, not 100,000.
     */
    @Override
    @SuppressWarnings("unchecked")
    public Exchange aggregate(Exchange all, Exchange one) {
        Exchange into = all == null ? one : all;
        List<Fingerprint> fingerprints = all == null ? new ArrayList<>() : all.getMessage().getBody(List.class);
        fingerprints.add(one.getMessage().getBody(Fingerprint.class));
        into.getMessage().setBody(fingerprints);
        int photos = one.getProperty(Exchange.SPLIT_SIZE, Integer.class);
        if (fingerprints.size() % Math.max(1, photos / 100) == 0) {
            steps.set(one.getProperty(TweetflowExchange.COLLECTION_ID, Long.class),
                    one.getProperty(TweetflowExchange.WORK_ITEM, WorkItem.class), STEPS, CollectionStep.RUNNING,
                    fetching(fingerprints.size(), photos), null);
        }
        return into;
    }

    private static String fetching(int done, int photos) {
        return "fetching photos " + done + " of " + photos;
    }

    /** Body: every photo's fingerprint. */
    public void write(@Body List<Fingerprint> fingerprints,
            @ExchangeProperty(TweetflowExchange.COLLECTION_ID) long collectionId,
            @ExchangeProperty(TweetflowExchange.WORK_ITEM) WorkItem item) throws IOException {
        Path dir = files.summaries(collectionId);
        // each renamed into place when complete, as the other outputs: a download never gets half of one
        try (OutputFile file = OutputFile.open(dir, CSV)) {
            CsvWriter csv = file.csv();
            csv.row("media_key", "url", "count", "md5", "phash", "failure");
            for (Fingerprint f : fingerprints) {
                csv.row(f.photo().mediaKey(), f.photo().url(), Long.toString(f.photo().count()), f.md5(),
                        f.phash() == null ? null : Long.toHexString(f.phash()), f.failure());
            }
            file.commit();
        }
        MediaGraph graph = MediaGraph.of(fingerprints, NEAR);
        try (OutputFile file = OutputFile.open(dir, GRAPH)) {
            mapper.writerWithDefaultPrettyPrinter().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                    .writeValue(file.stream(), graph);
            file.commit();
        }
        MediaOverview overview = MediaOverview.of(fingerprints, graph);
        writeOverview(collectionId, overview);
        // done either way, so the bundle and the page go on; a detail says what a retry could still fetch
        steps.set(collectionId, item, STEPS, CollectionStep.DONE, null, overview.unfetched().isEmpty() ? null
                : "photos from " + overview.unfetched().stream().map(MediaOverview.Unfetched::host)
                        .collect(Collectors.joining(", ")) + " were not fetched: retry to fetch them");
    }

    /**
     * What the page shows of the photos, once the media step made it. Photos fetched before the step wrote the
     * overview get it on the page's first view, from their media.csv: none is fetched again.
     */
    public Optional<MediaOverview> overview(long collectionId) throws IOException {
        Path file = files.summaries(collectionId).resolve("media").resolve(MediaOverview.FILE);
        if (Files.isRegularFile(file)) {
            return Optional.of(mapper.readValue(file.toFile(), MediaOverview.class));
        }
        Path csv = files.summaries(collectionId).resolve(CSV);
        if (!Files.isRegularFile(csv)) {
            return Optional.empty();
        }
        List<Fingerprint> fingerprints = fingerprints(csv);
        MediaOverview overview = MediaOverview.of(fingerprints, MediaGraph.of(fingerprints, NEAR));
        writeOverview(collectionId, overview);
        return Optional.of(overview);
    }

    private void writeOverview(long collectionId, MediaOverview overview) throws IOException {
        Optional<Path> media = thumbnails.directory(collectionId);
        if (media.isPresent()) {
            try (OutputFile file = OutputFile.open(media.get(), MediaOverview.FILE)) {
                mapper.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(file.stream(), overview);
                file.commit();
            }
        }
    }

    /** media.csv as {@link #write} wrote it (media_key,url,count,md5,phash,failure). */
    private static List<Fingerprint> fingerprints(Path mediaCsv) throws IOException {
        List<Fingerprint> fingerprints = new ArrayList<>();
        try (CsvReader csv = CsvReader.open(mediaCsv)) {
            csv.next();
            for (List<String> row = csv.next(); row != null; row = csv.next()) {
                Photo photo = new Photo(row.get(0), row.get(1), Long.parseLong(row.get(2)));
                fingerprints.add(new Fingerprint(photo, emptyAsNull(row.get(3)),
                        row.get(4).isEmpty() ? null : Long.parseUnsignedLong(row.get(4), 16), emptyAsNull(row.get(5))));
            }
        }
        return fingerprints;
    }

    private static String emptyAsNull(String field) {
        return field.isEmpty() ? null : field;
    }

    private static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
