package org.tweetflow.archive.export;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tweetflow.archive.ArchiveDeletions;
import org.tweetflow.archive.ArchiveOwner;
import org.tweetflow.archive.ArchiveOwners;
import org.tweetflow.archive.ArchiveQueue;
import org.tweetflow.twitter.XAccount;

/**
 * Receives a member's upload of their X data export, as it arrives: only the posts are read and kept (converted),
 * the rest of the upload passes through unstored. Once the whole upload is read and its account is the member's,
 * the import waits for the member's archive run; anything else refuses it with a reason and changes nothing.
 */
@Component
public class ExportUploads {

    /** An upload that reads no posts for a while still shows it is alive, every this many bytes. */
    static final long SIGN_OF_LIFE_BYTES = 16L << 20;

    private static final Logger LOG = LoggerFactory.getLogger(ExportUploads.class);

    private final ExportReader reader;
    private final ArchiveImports imports;
    private final ArchiveOwners owners;
    private final ArchiveQueue queue;
    private final ArchiveDeletions deletions;
    private final TransactionTemplate transaction;

    public ExportUploads(ExportReader reader, ArchiveImports imports, ArchiveOwners owners, ArchiveQueue queue,
            ArchiveDeletions deletions, TransactionTemplate transaction) {
        this.reader = reader;
        this.imports = imports;
        this.owners = owners;
        this.queue = queue;
        this.deletions = deletions;
        this.transaction = transaction;
    }

    /** The files of one upload, in the order they arrive, each read as it arrives. */
    @FunctionalInterface
    public interface UploadedFiles {
        void forEach(UploadedFile each) throws IOException;
    }

    @FunctionalInterface
    public interface UploadedFile {
        void read(String fileName, InputStream in) throws IOException;
    }

    /**
     * Reads the upload and queues its import: what it read, for the member. Refused (a {@link
     * RefusedExportException} with the reason) when it is not an X export, is hostile, is another account's, or
     * while another import of the member is under way; nothing is kept then.
     *
     * @throws IOException the upload broke off (the member's browser went away): nothing is kept
     */
    public ExportContents receive(long memberId, UploadedFiles upload) throws IOException {
        if (deletions.pending(memberId)) {
            throw new RefusedExportException("Your archive is being deleted from Open Humans: import once that is "
                    + "done.");
        }
        Path posts = imports.begin(memberId).orElseThrow(() -> new RefusedExportException("An import of yours is "
                + "under way: upload again once it has ended."));
        ExportContents contents;
        try {
            contents = read(memberId, posts, upload);
            ExportAccount account = accountOf(memberId, contents);
            // at once, or not at all: an import recorded as queued without its work item would wait for ever
            transaction.executeWithoutResult(status -> {
                if (!imports.received(memberId, posts, contents, account, exportedAt(contents))) {
                    throw new RefusedExportException("Another upload of yours took this one's place.");
                }
                queue.queueImport(memberId);
            });
        } catch (RefusedExportException refused) {
            imports.refused(memberId, posts, refused.getMessage());
            LOG.info("Upload of member {}'s X export refused: {}", memberId, refused.getMessage());
            throw refused;
        } catch (IOException | RuntimeException broken) {
            imports.failed(memberId, posts, ArchiveImports.BROKEN_OFF);
            LOG.info("Upload of member {}'s X export broke off: {}", memberId, broken.toString());
            throw broken;
        }
        LOG.info("Upload of member {}'s X export read: {} posts, queued for import", memberId, contents.posts());
        return contents;
    }

    private ExportContents read(long memberId, Path posts, UploadedFiles upload) throws IOException {
        try (ExtractedPosts extracted = ExtractedPosts.create(posts)) {
            extracted.onProgress(read -> alive(memberId, posts, read));
            upload.forEach((fileName, in) -> reader.read(fileName, new SignOfLife(in,
                    () -> alive(memberId, posts, extracted.contents().posts())), extracted));
            ExportContents contents = extracted.finish();
            if (contents.posts() == 0) {
                throw new RefusedExportException("The upload holds no posts: there is nothing to import.");
            }
            if (contents.manifestPosts() != null && contents.posts() < contents.manifestPosts()) {
                throw new RefusedExportException(String.format("The export's manifest lists %,d posts, but the "
                        + "upload held %,d: a tweets file is missing (data/tweets-part1.js …). Upload the whole zip, "
                        + "or every tweets file.", contents.manifestPosts(), contents.posts()));
            }
            return contents;
        }
    }

    private void alive(long memberId, Path posts, long postsRead) {
        if (!imports.receiving(memberId, posts, postsRead)) {
            throw new RefusedExportException("Another upload of yours took this one's place.");
        }
    }

    /**
     * Whose posts these are: the account the export names, which must be the member's connected X account; an
     * upload of the tweets files alone is the connected account's.
     */
    private ExportAccount accountOf(long memberId, ExportContents contents) {
        XAccount connected = owners.owner(memberId).map(ArchiveOwner::xAccount).orElse(null);
        ExportAccount named = contents.account();
        if (named == null && connected == null) {
            throw new RefusedExportException("The upload does not say whose posts these are. Add data/account.js "
                    + "from the export (it holds your account's id and name, not your messages), or connect X first.");
        }
        if (named == null) {
            return new ExportAccount(connected.id(), connected.username(), connected.name());
        }
        if (connected != null && !connected.id().equals(named.id())) {
            throw new RefusedExportException("This export holds the posts of @" + named.username() + ", but you "
                    + "connected X as @" + connected.username() + ": only your own posts can be imported.");
        }
        return named;
    }

    /**
     * When X made the export: its weeks are whole up to then. Without the manifest, the newest post's time is the
     * latest moment the export is known to reach.
     */
    private static Instant exportedAt(ExportContents contents) {
        return Optional.ofNullable(contents.generatedAt()).orElse(contents.newestPost());
    }

    /** Calls back every {@link #SIGN_OF_LIFE_BYTES} read, through entries that hold no posts too. */
    private static final class SignOfLife extends FilterInputStream {

        private final Runnable alive;
        private long sinceLast;

        SignOfLife(InputStream in, Runnable alive) {
            super(in);
            this.alive = alive;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            sinceLast += n;
            if (sinceLast >= SIGN_OF_LIFE_BYTES) {
                sinceLast = 0;
                alive.run();
            }
        }
    }
}
