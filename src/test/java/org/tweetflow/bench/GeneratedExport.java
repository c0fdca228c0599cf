package org.tweetflow.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

import org.tweetflow.sandbox.x.ExportPost;
import org.tweetflow.sandbox.x.ExportZipWriter;
import org.tweetflow.sandbox.x.XSimulator;

/**
 * A generated "Your X data" export for the import benchmark, written by the sandbox's own {@link ExportZipWriter}
 * (the layout the sandbox's export has) as a stream to a file, in bounded memory: {@code posts} posts from 2007 on
 * (small sequential ids before X's snowflake epoch), in parts of about {@code partBytes} not in date order, then
 * pictures of the photo posts (incompressible, stored) until the zip is about {@code bytes} long, as real exports
 * are mostly media. Each post is made from its own seed, so they can be written in any order.
 * Run: {@code java -cp target/test-classes:target/classes:<deps> org.tweetflow.bench.GeneratedExport <zip> <posts>
 * <bytes> [partBytes]}.
 */
public final class GeneratedExport {

    /** What was written: the posts' files (uncompressed sizes) and the zip's own size. */
    public record Summary(Path zip, int posts, List<ExportZipWriter.PostsFile> postsFiles, int mediaFiles,
            long zipBytes) {

        public long postsBytes() {
            return postsFiles.stream().mapToLong(ExportZipWriter.PostsFile::bytes).sum();
        }
    }

    static final long PART_BYTES = 100L << 20;
    static final ExportZipWriter.Owner OWNER = new ExportZipWriter.Owner("1500000000000000042", "bench_bea",
            "Bench Bea", Instant.parse("2007-01-15T10:00:00Z"), "bench_bea@private-mail.sandbox.invalid");
    static final Instant FIRST = Instant.parse("2007-02-01T08:00:00Z");
    static final Instant GENERATED = Instant.parse("2026-11-30T12:00:00Z");
    /** Before X's snowflake ids, posts were numbered in order: around 20 million early in 2007. */
    static final long FIRST_SEQUENTIAL_ID = 20_000_000L;

    private static final String[][] SENTENCES = {
            {"en", "Spent the afternoon cleaning up old field notes and found a map from 1923."},
            {"en", "New blog post about keeping a personal archive of what you write, and why it matters."},
            {"en", "Reading about climate records kept by volunteers for more than a century."},
            {"en", "Small python script to tidy up my bookmarks, works nicely & took ten minutes."},
            {"en", "Libraries are the best public infrastructure we have. Change my mind."},
            {"de", "Heute im Stadtarchiv gewesen, spannende alte Karten gefunden und viel gelernt."},
            {"fr", "Une belle journée pour trier les archives de la famille avec un bon café."},
            {"es", "Hoy aprendí mucho sobre la conservación de documentos en papel ácido."},
            {"ja", "今日は古い写真を整理しました。懐かしい写真がたくさん出てきました。"},
            {"en", "Rule of thumb: if a < b and b > c, keep the notes anyway 🗂️"},
    };
    private static final String[] TAGS = {"opendata", "archives", "climate", "python", "openscience"};
    private static final String[][] FRIENDS = {{"civic_carla", "1400000000000000010", "Civic Carla"},
            {"data_dmitri", "1400000000000000011", "Data Dmitri"}, {"lumen_lea", "1400000000000000012", "Lumen Léa"}};
    private static final String[][] SOURCES = {{"Twitter Web App", "https://mobile.twitter.com"},
            {"Twitter for Android", "http://twitter.com/download/android"},
            {"Twitter for iPhone", "http://twitter.com/download/iphone"}};
    private static final Instant NATIVE_PHOTOS = Instant.parse("2011-06-01T00:00:00Z");
    private static final Instant NATIVE_RETWEETS = Instant.parse("2009-11-06T00:00:00Z");

    private GeneratedExport() {
    }

    public static void main(String[] args) throws IOException {
        Summary s = write(Path.of(args[0]), Integer.parseInt(args[1]), Long.parseLong(args[2]),
                args.length > 3 ? Long.parseLong(args[3]) : PART_BYTES);
        System.out.printf("%s: %,d posts in %d parts (%,d bytes), %,d pictures, zip %,d bytes%n", s.zip(), s.posts(),
                s.postsFiles().size(), s.postsBytes(), s.mediaFiles(), s.zipBytes());
    }

    public static Summary write(Path zip, int posts, long bytes, long partBytes) throws IOException {
        try (ArchiveGenerator.CountingStream counted = new ArchiveGenerator.CountingStream(
                new BufferedOutputStream(Files.newOutputStream(zip), 1 << 16))) {
            List<ExportZipWriter.PostsFile> files;
            int pictures = 0;
            try (ExportZipWriter writer = new ExportZipWriter(counted, OWNER, GENERATED)) {
                files = writer.posts(new Posts(posts), partBytes);
                writer.directMessages(List.of(new ExportZipWriter.DirectMessage(1, OWNER.accountId(),
                        FRIENDS[0][1], "a private message the import never reads", GENERATED.minusSeconds(3600))));
                writer.likes(List.of());
                int photoPosts = 0;
                for (int k = 0; k < posts; k++) {
                    photoPosts += post(k, posts).photos().size();
                }
                // what stays for the manifest, and for each picture its headers in the zip and its directory entry
                long each = photoPosts == 0 ? 0 : (bytes - counted.count - 8192 - 256L * photoPosts) / photoPosts;
                for (int k = 0; each > 0 && k < posts; k++) {
                    ExportPost p = post(k, posts);
                    for (ExportPost.Photo photo : p.photos()) {
                        writer.media(p.id(), photo, new Picture(p.id(), each));
                        pictures++;
                    }
                }
            }
            return new Summary(zip, posts, files, pictures, counted.count);
        }
    }

    /** The posts in the order X's parts hold them ({@link ExportZipWriter#exportOrder}), each made when asked for. */
    private static final class Posts implements Iterator<ExportPost> {

        private final int n;
        private int i;

        Posts(int n) {
            this.n = n;
        }

        @Override
        public boolean hasNext() {
            return i < n;
        }

        @Override
        public ExportPost next() {
            if (i == n) {
                throw new NoSuchElementException();
            }
            return post(ExportZipWriter.exportOrder(i++, n), n);
        }
    }

    /** The {@code k}-th oldest of {@code n} posts, spread evenly from 2007 to the export's date. */
    static ExportPost post(int k, int n) {
        SplittableRandom random = new SplittableRandom(k * 0x9E3779B97F4A7C15L + 42);
        Instant at = FIRST.plusMillis((long) ((double) k / n * Duration.between(FIRST, GENERATED).toMillis()));
        long id = at.toEpochMilli() < XSimulator.TWITTER_EPOCH ? FIRST_SEQUENTIAL_ID + k
                : ((at.toEpochMilli() - XSimulator.TWITTER_EPOCH) << 22) | (k & 0x3FFFFF);
        String[] sentence = SENTENCES[random.nextInt(SENTENCES.length)];
        String[] source = SOURCES[random.nextInt(SOURCES.length)];
        Text text = new Text();
        List<ExportPost.Mention> mentions = new ArrayList<>();
        List<ExportPost.Hashtag> hashtags = new ArrayList<>();
        List<ExportPost.Link> urls = new ArrayList<>();
        List<ExportPost.Photo> photos = new ArrayList<>();
        ExportPost.Reply reply = null;
        int kind = random.nextInt(10);
        String[] friend = FRIENDS[random.nextInt(FRIENDS.length)];
        if (kind == 0 && !at.isBefore(NATIVE_RETWEETS)) {
            text.add("RT ");
            mentions.add(text.mention(friend));
            text.add(": " + sentence[1]);
            return new ExportPost(id, at, text.cut(), sentence[0], source[0], source[1], null, List.of(),
                    mentions, List.of(), List.of(), 0, random.nextInt(500), List.of(id));
        }
        if (kind == 1 && k > 0) {
            mentions.add(text.mention(friend));
            text.add(" ");
            reply = new ExportPost.Reply(Math.max(1, id - 1 - random.nextInt(1000)), friend[1], friend[0]);
        }
        text.add(sentence[1]);
        if (random.nextInt(3) == 0) {
            String tag = TAGS[random.nextInt(TAGS.length)];
            text.add(" ");
            hashtags.add(new ExportPost.Hashtag(text.length(), text.add("#" + tag), tag));
        }
        if (random.nextInt(5) == 0) {
            text.add(" with ");
            mentions.add(text.mention(FRIENDS[random.nextInt(FRIENDS.length)]));
        }
        if (random.nextInt(6) == 0) {
            String url = "https://t.co/" + Long.toString(id % 1_000_000_007L, 36);
            text.add(" ");
            urls.add(new ExportPost.Link(text.length(), text.add(url), url, "https://example.org/notes/" + k,
                    "example.org/notes/" + k));
        }
        if (kind == 2 && !at.isBefore(NATIVE_PHOTOS)) {
            String url = "https://t.co/p" + Long.toString(id % 1_000_000_007L, 36);
            long mediaId = id + 1;
            text.add(" ");
            photos.add(new ExportPost.Photo(text.length(), text.add(url), mediaId, url,
                    "https://x.com/" + OWNER.username() + "/status/" + id + "/photo/1", "pic.x.com/p" + k,
                    "https://pbs.twimg.com/media/G" + Long.toString(mediaId, 36) + ".jpg", 1200, 800));
        }
        return new ExportPost(id, at, text.toString(), sentence[0], source[0], source[1], reply, hashtags, mentions,
                urls, photos, random.nextInt(200), random.nextInt(40), List.of(id));
    }

    /** A post's text as it is put together, with the code-point offsets its entities need. */
    private static final class Text {

        private final StringBuilder text = new StringBuilder();
        private int length;

        /** Appends the piece; the offset after it. */
        int add(String piece) {
            text.append(piece);
            length += piece.codePointCount(0, piece.length());
            return length;
        }

        int length() {
            return length;
        }

        ExportPost.Mention mention(String[] friend) {
            int start = length;
            return new ExportPost.Mention(start, add("@" + friend[0]), friend[0], friend[1], friend[2]);
        }

        /** A retweet's text as X's export has it: cut at 140 characters. */
        String cut() {
            String s = text.toString();
            return length <= 140 ? s : s.substring(0, s.offsetByCodePoints(0, 139)) + "…";
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    /** A picture's bytes: a JPEG's first bytes, then noise that does not compress, made as they are read. */
    private static final class Picture extends InputStream {

        private final SplittableRandom random;
        private final byte[] buffer = new byte[1 << 16];
        private long left;
        private int at;
        private int filled;

        Picture(long seed, long size) {
            this.random = new SplittableRandom(seed);
            this.left = size;
            random.nextBytes(buffer);
            buffer[0] = (byte) 0xFF;
            buffer[1] = (byte) 0xD8;
            filled = buffer.length;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left == 0) {
                return -1;
            }
            if (at == filled) {
                random.nextBytes(buffer);
                at = 0;
            }
            int n = (int) Math.min(Math.min(len, filled - at), left);
            System.arraycopy(buffer, at, b, off, n);
            at += n;
            left -= n;
            return n;
        }
    }
}
