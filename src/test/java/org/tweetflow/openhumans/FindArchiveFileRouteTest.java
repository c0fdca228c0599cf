package org.tweetflow.openhumans;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tweetflow.TweetflowTest;
import org.tweetflow.archive.ConnectedMembers;
import org.tweetflow.member.Member;
import org.tweetflow.sandbox.openhumans.OpenHumansSimulator;
import org.tweetflow.sandbox.openhumans.SimulatedFile;
import org.tweetflow.tokens.Provider;

@TweetflowTest
class FindArchiveFileRouteTest {

    static final String ADA = "10000001";
    static final String METADATA = "{\"description\":\"other\",\"tags\":[\"other\"]}";

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
    void findsAnArchiveListedOnTheSecondPageOfExchangeMember() {
        for (int i = 0; i < 150; i++) {
            openHumans.addFile(ADA, "other-" + i + ".json", METADATA, bytes("{}"));
        }
        SimulatedFile archive = openHumans.addFile(ADA, ArchiveFile.BASENAME,
                "{\"description\":\"archive\",\"tags\":[\"Twitter\"]}", bytes("{\"weeks\":[]}"));
        openHumans.resetCounts();

        Exchange result = find();

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody(ArchiveFile.class).id()).isEqualTo(archive.id());
        assertThat(openHumans.callCount("exchange-member")).isEqualTo(2);
    }

    @Test
    void aMemberWithoutArchiveGetsNoneAfterTheLastPage() {
        openHumans.addFile(ADA, "other.json", METADATA, bytes("{}"));

        Exchange result = find();

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody()).isNull();
    }

    @Test
    void anInvalidTokenFailsWithOpenHumansAnswer() {
        Member ada = members.signIn(ADA, Instant.now());
        members.store(Provider.OPEN_HUMANS, ADA, "not-a-token", null, Instant.now());

        Exchange result = camel.send("direct:find-member-archive", exchange -> exchange.getMessage().setBody(ada.id()));

        assertThat(result.getException()).isInstanceOf(OpenHumansException.class).hasMessageContaining("401");
    }

    private Exchange find() {
        Member ada = members.signIn(ADA, Instant.now());
        return camel.send("direct:find-member-archive", exchange -> exchange.getMessage().setBody(ada.id()));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
