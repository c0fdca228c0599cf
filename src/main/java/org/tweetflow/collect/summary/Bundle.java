package org.tweetflow.collect.summary;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The download bundle: one zip of the summaries in a collection's directory, every file but the raw posts (the
 * JSON Lines, exported on their own) and files still being written. Entries in name order, so two bundles of the
 * same outputs list the same way. Subdirectories are left out: the photos' thumbnails ({@code media/}) are copies
 * of X's pictures for the page, which would make the bundle many times larger than the data (media.csv lists the
 * photos and where X serves them).
 */
public final class Bundle {

    public static final String FILE = "bundle.zip";

    private Bundle() {
    }

    /** Writes {@code dir/bundle.zip} of the files in {@code dir} except {@code rawFile}; returns the names zipped. */
    public static List<String> write(Path dir, String rawFile) throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(dir)) {
            files = listed.filter(Files::isRegularFile).filter(file -> included(file.getFileName().toString(),
                    rawFile)).sorted().toList();
        }
        try (OutputFile out = OutputFile.open(dir, FILE)) {
            ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(out.stream(), 1 << 16));
            for (Path file : files) {
                zip.putNextEntry(new ZipEntry(file.getFileName().toString()));
                Files.copy(file, zip);
                zip.closeEntry();
            }
            zip.finish();
            zip.flush();
            out.commit();
        }
        return files.stream().map(file -> file.getFileName().toString()).toList();
    }

    private static boolean included(String name, String rawFile) {
        return !name.equals(rawFile) && !name.equals(FILE) && !name.endsWith(".part");
    }
}
