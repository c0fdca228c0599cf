package org.tweetflow.collect.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsRfc4180RecordsWithQuotedCommasQuotesAndLineBreaks() throws IOException {
        Path file = write("id,text,count\r\n1,\"a, \"\"quoted\"\"\r\nline\",3\r\n2,,\r\n3,plain,4");

        try (CsvReader csv = CsvReader.open(file)) {
            assertThat(csv.next()).containsExactly("id", "text", "count");
            assertThat(csv.next()).containsExactly("1", "a, \"quoted\"\r\nline", "3");
            assertThat(csv.next()).containsExactly("2", "", "");
            assertThat(csv.next()).containsExactly("3", "plain", "4");
            assertThat(csv.next()).isNull();
        }
    }

    @Test
    void readsLfLineEndsAndStopsWhereAskedWithoutReadingTheRest() throws IOException {
        Path file = write("hashtag,count\nclimate,3\nopendata,2\n\"never closed");

        try (CsvReader csv = CsvReader.open(file)) {
            assertThat(List.of(csv.next(), csv.next(), csv.next())).containsExactly(List.of("hashtag", "count"),
                    List.of("climate", "3"), List.of("opendata", "2"));
            assertThatThrownBy(csv::next).isInstanceOf(IOException.class).hasMessageContaining("not closed");
        }
    }

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("out.csv"), text, StandardCharsets.UTF_8);
    }
}
