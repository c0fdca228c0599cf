package org.tweetflow.sandbox.x;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tweetflow.sandbox.SandboxHttp.json;
import static org.tweetflow.sandbox.x.XSimulator.VETERAN;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tweetflow.sandbox.SandboxTest;

/**
 * X's v2 answers HTML-escape a post's {@code text} ({@code &amp;}, {@code &lt;}, {@code &gt;}) and count the entities'
 * offsets in the escaped text, as twarc's recorded answers show: a client stores the text as posted only if it
 * unescapes it.
 */
@SandboxTest
class XTextEscapingRulesTest {

    @Autowired
    XSimulator sim;
    @Autowired
    XApi x;

    @Test
    void timelineEscapesTextAndCountsEntitiesInTheEscapedText() throws Exception {
        List<Tweet> marked = sim.reachable(VETERAN).stream()
                .filter(t -> !t.withheld() && t.text().contains("&")).toList();
        assertThat(marked).isNotEmpty();
        Set<String> kinds = new HashSet<>();
        for (Tweet t : marked) {
            JsonNode page = json(x.timeline(VETERAN, "max_results=5&tweet.fields=entities&since_id=" + (t.id() - 1)
                    + "&until_id=" + (t.id() + 1)));
            JsonNode post = page.at("/data/0");
            assertThat(post.path("id").asText()).isEqualTo(t.idString());
            String text = post.path("text").asText();
            assertThat(text).isEqualTo(t.text().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
                    .contains("&amp; &lt;maps&gt;");
            post.path("entities").fields().forEachRemaining(kind -> kind.getValue().forEach(e -> {
                String shown = text.substring(text.offsetByCodePoints(0, e.path("start").asInt()),
                        text.offsetByCodePoints(0, e.path("end").asInt()));
                String expected = switch (kind.getKey()) {
                    case "hashtags" -> "#" + e.path("tag").asText();
                    case "mentions" -> "@" + e.path("username").asText();
                    default -> e.path("url").asText();
                };
                assertThat(shown).as(kind.getKey()).isEqualTo(expected);
                kinds.add(kind.getKey());
            }));
        }
        assertThat(kinds).isNotEmpty();
    }

    @Test
    void textWithoutTheseCharactersIsAsPosted() throws Exception {
        Tweet plain = sim.reachable(VETERAN).stream().filter(t -> !t.withheld() && !t.text().matches(".*[&<>].*"))
                .findFirst().orElseThrow();
        JsonNode page = json(x.timeline(VETERAN, "max_results=5&since_id=" + (plain.id() - 1) + "&until_id="
                + (plain.id() + 1)));
        assertThat(page.at("/data/0/text").asText()).isEqualTo(plain.text());
    }
}
