package org.tweetflow.collect.summary;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A summary that writes as it reads (one row or line per post): its file is opened at the start, completed after
 * the last post, and removed if the pass fails before.
 */
abstract class StreamedSummary implements Summary {

    private final String file;
    private OutputFile out;

    StreamedSummary(String file) {
        this.file = file;
    }

    /** Right after the file is opened: a header row, and the writer the rows go to. */
    abstract void opened(OutputFile out) throws IOException;

    @Override
    public final String file() {
        return file;
    }

    @Override
    public final void start(Path dir) throws IOException {
        out = OutputFile.open(dir, file);
        opened(out);
    }

    @Override
    public final void writeTo(Path dir) throws IOException {
        out.commit();
    }

    @Override
    public final void close() throws IOException {
        if (out != null) {
            out.close();
        }
    }
}
