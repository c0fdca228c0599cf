package org.tweetflow.collect;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.springframework.stereotype.Component;

/**
 * Small copies of a collection's photos, kept with its summaries as {@code media/<media_key>.jpg} when they are
 * fingerprinted: its page shows them from here, so a reader's browser never asks X (which would tell X who reads
 * the collection) and a photo X drops stays on the page. They go with the collection's directory when it is deleted;
 * the bundle leaves them out (see {@code Bundle}).
 */
@Component
public class Thumbnails {

    /** The longest side of a thumbnail, in pixels: a page of them stays light. */
    static final int LONGEST_SIDE = 320;
    /** X's media keys (type, underscore, id: {@code 3_1400000000000000001}); only they become file names. */
    private static final Pattern MEDIA_KEY = Pattern.compile("[0-9]{1,4}_[0-9]{1,20}");

    private final CollectionFiles files;

    public Thumbnails(CollectionFiles files) {
        this.files = files;
    }

    /**
     * Writes the photo's thumbnail, replacing an earlier one whole (a reader never sees half a file); a key not of
     * X's shape gets none.
     */
    public void write(long collectionId, String mediaKey, BufferedImage photo) throws IOException {
        if (!MEDIA_KEY.matcher(mediaKey).matches()) {
            return;
        }
        if (directory(collectionId).isEmpty()) {
            return;
        }
        Path file = file(collectionId, mediaKey);
        Path part = file.resolveSibling(file.getFileName() + ".part");
        if (!ImageIO.write(shrunk(photo), "jpg", part.toFile())) {
            throw new IOException("no JPEG writer");
        }
        Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The collection's media directory, made if need be; empty when the collection was deleted meanwhile (only the
     * media directory is made, never the collection's: a deleted one must not come back).
     */
    Optional<Path> directory(long collectionId) throws IOException {
        Path dir = files.summaries(collectionId).resolve("media");
        try {
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException made) {
            // by an earlier photo
        } catch (NoSuchFileException deleted) {
            return Optional.empty();
        }
        return Optional.of(dir);
    }

    /** The photo's thumbnail, if one was kept: a key not of X's shape names none. */
    public Optional<Path> find(long collectionId, String mediaKey) {
        if (!MEDIA_KEY.matcher(mediaKey).matches()) {
            return Optional.empty();
        }
        Path file = file(collectionId, mediaKey);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    private Path file(long collectionId, String mediaKey) {
        return files.summaries(collectionId).resolve("media").resolve(mediaKey + ".jpg");
    }

    /**
     * At most {@value #LONGEST_SIDE} pixels on its longest side, never enlarged, on white (JPEG has no
     * transparency); halved step by step, as one bilinear step from a large photo would skip most of its pixels.
     */
    static BufferedImage shrunk(BufferedImage photo) {
        double scale = Math.min(1.0, (double) LONGEST_SIDE / Math.max(photo.getWidth(), photo.getHeight()));
        int width = Math.max(1, (int) Math.round(photo.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(photo.getHeight() * scale));
        BufferedImage current = photo;
        while (current.getWidth() / 2 >= width && current.getHeight() / 2 >= height) {
            current = drawn(current, current.getWidth() / 2, current.getHeight() / 2);
        }
        return drawn(current, width, height);
    }

    private static BufferedImage drawn(BufferedImage image, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.drawImage(image, 0, 0, width, height, null);
        g.dispose();
        return out;
    }
}
