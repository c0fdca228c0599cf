package org.tweetflow.openhumans;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tweetflow.TweetflowTest;
import org.tweetflow.archive.ConnectedMembers;
import org.tweetflow.member.Member;
import org.tweetflow.sandbox.openhumans.OpenHumansSimulator;

@TweetflowTest
class DownloadArchiveRouteTest {

    static final String CLEO = "10000003";

    @Autowired
    ProducerTemplate camel;

    @Autowired
    OpenHumansSimulator openHumans;

    @Autowired
    ConnectedMembers members;

    @AfterEach
    void clear() {
        openHumans.clearFiles();
    }

    @Test
    void downloadsTheArchiveThroughItsRedirectIntoATemporaryFile() throws IOException {
        byte[] content = new byte[3 * 1024 * 1024]; // above the spool threshold: streamed, not held
        Arrays.fill(content, (byte) 'x');
        openHumans.addFile(CLEO, ArchiveFile.BASENAME, "{\"description\":\"a\",\"tags\":[]}", content);
        Member cleo = members.signIn(CLEO, Instant.now());
        ArchiveFile archive = camel.requestBody("direct:find-member-archive", cleo.id(), ArchiveFile.class);

        Exchange result = camel.send("direct:download-archive", exchange -> exchange.getMessage().setBody(archive));

        assertThat(result.getException()).isNull();
        Path copy = result.getMessage().getBody(Path.class);
        assertThat(Files.size(copy)).isEqualTo(content.length);
        assertThat(Files.mismatch(copy, openHumans.path(archive.id()))).isEqualTo(-1L);
        Files.delete(copy);
    }
}
