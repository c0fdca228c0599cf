package org.tweetflow.archive.export;

import java.util.regex.Pattern;

/**
 * A file of an upload, named as inside the export ({@code data/tweets.js}), and what the import makes of it: only the
 * posts' files and the two that name the account are read; everything else is passed over unread.
 */
record ExportPath(String name, Kind kind) {

    enum Kind {
        /** {@code data/tweets.js}, {@code tweets-partN.js}; before 2022 {@code tweet.js}, {@code tweet-partN.js}. */
        TWEETS,
        /** Before 2019: {@code data/js/tweets/YYYY_MM.js}, one month each ("Grailbird"). */
        MONTH_OF_TWEETS,
        MANIFEST,
        ACCOUNT,
        /** The member's other data (messages, likes, media …): never read. */
        OTHER,
        /** Folders and what macOS adds when re-zipping ({@code __MACOSX/}, {@code ._name}): not the member's files. */
        JUNK;

        boolean posts() {
            return this == TWEETS || this == MONTH_OF_TWEETS;
        }
    }

    private static final Pattern TWEETS = Pattern.compile("tweets?(-part\\d+)?\\.js");
    private static final Pattern MONTH = Pattern.compile("\\d{4}_\\d{2}\\.js");
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");
    /** Members re-zip the export from its folder: one folder around {@code data/} is accepted. */
    private static final Pattern TOP_FOLDER = Pattern.compile("^[^/]+/(?=data/)");

    /** A zip entry's path; one that leaves the zip's folder refuses the whole upload as hostile. */
    static ExportPath ofEntry(String entryName) {
        String path = entryName.replace('\\', '/');
        if (path.startsWith("/") || DRIVE.matcher(path).matches() || ("/" + path + "/").contains("/../")) {
            throw new RefusedExportException("The zip holds a file whose path leads out of its folder (\"..\" or an "
                    + "absolute path), which X never writes: it was refused as possibly hostile, and nothing was kept.");
        }
        String base = path.substring(path.lastIndexOf('/') + 1);
        if (path.startsWith("__MACOSX/") || path.endsWith("/") || base.startsWith("._")) {
            return new ExportPath(path, Kind.JUNK);
        }
        String name = TOP_FOLDER.matcher(path).replaceFirst("");
        Kind kind = switch (name) {
            case "data/manifest.js" -> Kind.MANIFEST;
            case "data/account.js" -> Kind.ACCOUNT;
            default -> name.startsWith("data/") && name.indexOf('/', 5) < 0 && TWEETS.matcher(base).matches()
                    ? Kind.TWEETS
                    : name.startsWith("data/js/tweets/") && MONTH.matcher(name.substring(15)).matches()
                            ? Kind.MONTH_OF_TWEETS : Kind.OTHER;
        };
        return new ExportPath(name, kind);
    }

    /** A file uploaded on its own (tweets.js and its parts, say), known by its name alone. */
    static ExportPath ofUpload(String fileName) {
        String base = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        Kind kind = switch (base) {
            case "manifest.js" -> Kind.MANIFEST;
            case "account.js" -> Kind.ACCOUNT;
            default -> TWEETS.matcher(base).matches() ? Kind.TWEETS
                    : MONTH.matcher(base).matches() ? Kind.MONTH_OF_TWEETS : Kind.OTHER;
        };
        return new ExportPath(base, kind);
    }
}
