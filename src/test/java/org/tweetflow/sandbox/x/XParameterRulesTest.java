package org.tweetflow.sandbox.x;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tweetflow.sandbox.SandboxHttp.enc;
import static org.tweetflow.sandbox.SandboxHttp.json;
import static org.tweetflow.sandbox.x.XRefusal.invalidRequest;
import static org.tweetflow.sandbox.x.XRefusal.refusalMessage;
import static org.tweetflow.sandbox.x.XSimulator.SANDY;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tweetflow.sandbox.SandboxTest;
import org.tweetflow.twitter.XFields;

/** X refuses unknown, repeated and undocumented query parameters (400) instead of ignoring them. */
@SandboxTest
class XParameterRulesTest {

    @Autowired
    XApi x;

    @Test
    void timelineRefusesAnUnknownQueryParameter() throws Exception {
        HttpResponse<String> answer = x.timeline(SANDY, "max_results=10&next_token=abc");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(json(answer)).isEqualTo(invalidRequest("next_token", "abc", "The query parameter [next_token] is "
                + "not one of [id,since_id,until_id,max_results,pagination_token,exclude,start_time,end_time,expansions,"
                + "tweet.fields,media.fields,poll.fields,place.fields,user.fields]"));
    }

    @Test
    void timelineRefusesAnUndocumentedTweetField() throws Exception {
        HttpResponse<String> answer = x.timeline(SANDY, "tweet.fields=created_at,foo");
        assertThat(refusalMessage(answer)).isEqualTo("The `tweet.fields` query parameter value [foo] is not one of ["
                + String.join(",", XParameters.TWEET_FIELDS) + "]");
        assertThat(json(answer).at("/errors/0/parameters")).isEqualTo(json("{\"tweet.fields\":[\"foo\"]}"));
    }

    @Test
    void timelineRefusesUndocumentedValuesOfEveryEnumeratedParameter() throws Exception {
        for (String name : new String[] {"expansions", "user.fields", "media.fields", "poll.fields", "place.fields",
                "exclude"}) {
            assertThat(refusalMessage(x.timeline(SANDY, name + "=nonsense"))).as(name)
                    .startsWith("The `" + name + "` query parameter value [nonsense] is not one of [");
        }
    }

    @Test
    void timelineRefusesARepeatedParameter() throws Exception {
        HttpResponse<String> answer = x.timeline(SANDY, "max_results=10&max_results=20");
        assertThat(refusalMessage(answer)).isEqualTo("Duplicate parameters are not allowed: the `max_results` query parameter");
        assertThat(json(answer).at("/errors/0/parameters")).isEqualTo(json("{\"max_results\":[\"10\",\"20\"]}"));
    }

    @Test
    void timelineRefusesMaxResultsOutsideFiveToHundred() throws Exception {
        assertThat(x.timeline(SANDY, "max_results=4").statusCode()).isEqualTo(400);
        assertThat(x.timeline(SANDY, "max_results=101").statusCode()).isEqualTo(400);
        assertThat(x.timeline(SANDY, "max_results=5").statusCode()).isEqualTo(200);
        assertThat(x.timeline(SANDY, "max_results=100").statusCode()).isEqualTo(200);
    }

    @Test
    void timelineAcceptsEveryFieldAndExpansionTheProductAsksFor() throws Exception {
        String fields = XFields.TWARC_DEFAULTS.entrySet().stream().map(e -> e.getKey() + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpResponse<String> answer = x.timeline(SANDY, "max_results=100&" + fields);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(json(answer).path("data").size()).isPositive();
    }

    @Test
    void usersMeRefusesAnUnknownQueryParameter() throws Exception {
        assertThat(refusalMessage(x.me(SANDY, "media.fields=url")))
                .isEqualTo("The query parameter [media.fields] is not one of [expansions,tweet.fields,user.fields]");
    }

    @Test
    void usersMeRefusesATweetExpansion() throws Exception {
        assertThat(refusalMessage(x.me(SANDY, "expansions=author_id"))).isEqualTo("The `expansions` query parameter "
                + "value [author_id] is not one of [affiliation.user_id,most_recent_tweet_id,pinned_tweet_id]");
    }

    @Test
    void usersMeAcceptsTheFieldsTheProductAsksFor() throws Exception {
        HttpResponse<String> answer = x.me(SANDY, "user.fields=created_at,profile_image_url,public_metrics");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(json(answer).at("/data/username").asText()).isEqualTo("sandy_archivist");
    }

    @Test
    void searchRefusesAnUnknownQueryParameter() throws Exception {
        assertThat(refusalMessage(x.search(SANDY, "query=climate&q=climate"))).isEqualTo("The query parameter [q] is "
                + "not one of [query,start_time,end_time,since_id,until_id,max_results,next_token,pagination_token,"
                + "sort_order,expansions,tweet.fields,media.fields,poll.fields,place.fields,user.fields]");
    }

    @Test
    void searchRefusesAnUndocumentedSortOrder() throws Exception {
        assertThat(refusalMessage(x.search(SANDY, "query=climate&sort_order=newest")))
                .isEqualTo("The `sort_order` query parameter value [newest] is not one of [recency,relevancy]");
    }

    @Test
    void everyDocumentedListHasNoDuplicates() {
        for (XParameters p : new XParameters[] {XParameters.TIMELINE, XParameters.SEARCH, XParameters.ME}) {
            assertThat(p.names()).doesNotHaveDuplicates();
            for (Map.Entry<String, java.util.List<String>> e : p.values().entrySet()) {
                assertThat(p.names()).contains(e.getKey());
                assertThat(e.getValue()).as(e.getKey()).doesNotHaveDuplicates();
            }
        }
    }
}
