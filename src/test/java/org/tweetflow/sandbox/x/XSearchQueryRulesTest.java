package org.tweetflow.sandbox.x;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tweetflow.sandbox.SandboxHttp.enc;
import static org.tweetflow.sandbox.SandboxHttp.json;
import static org.tweetflow.sandbox.x.XRefusal.invalidRequest;
import static org.tweetflow.sandbox.x.XSimulator.SAM;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.tweetflow.sandbox.SandboxTest;

/**
 * Recent search refuses the queries X refuses (docs.x.com "Build a query": parentheses group, quotes make phrases,
 * conjunction-required operators and negations cannot stand alone; unknown operators are refused), with X's 400
 * envelope on the {@code query} parameter and X's wording, and takes the same query once it is mended.
 */
@SandboxTest
class XSearchQueryRulesTest {

    static final String PREFIX = "There were errors processing your request: ";

    @Autowired
    XApi x;

    @ParameterizedTest(name = "[{0}] is refused, [{2}] is taken")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            (climate OR #opendata                | Missing closing parenthesis (at position 1)                       | (climate OR #opendata)
            climate) #opendata                   | missing EOF at ')' (at position 8)                                | (climate) #opendata
            "open data                           | no viable alternative at character '"' (at position 1)            | "open data"
            climate OR                           | no viable alternative at input '<EOF>' (at position 11)           | climate OR data
            climate ()                           | no viable alternative at input ')' (at position 10)               | climate (data)
            filter:images #climate               | Reference to invalid operator 'filter'. Operator is not available in current product or product packaging. (at position 1) | has:images #climate
            climate filter:replies               | Reference to invalid operator 'filter'. Operator is not available in current product or product packaging. (at position 9) | climate is:reply
            climate has:polls                    | Reference to invalid operator 'has:polls'. Operator is not available in current product or product packaging. (at position 9) | climate has:media
            has:media                            | is/has/lang cannot be used as a standalone operator (at position 1) | #climate has:media
            has:links OR is:retweet              | is/has/lang cannot be used as a standalone operator (at position 1) | "open data" has:mentions (has:media OR has:links)
            lang:de                              | is/has/lang cannot be used as a standalone operator (at position 1) | #climate lang:de
            climate OR lang:fr                   | is/has/lang cannot be used as a standalone operator (at position 12) | climate OR (#climat lang:fr)
            -climate                             | Rules must contain a non-negation term (at position 1), Rules must contain at least one positive, non-stopword clause (at position 1) | data -climate
            -is:retweet                          | Rules must contain a non-negation term (at position 1), Rules must contain at least one positive, non-stopword clause (at position 1) | #opendata -is:retweet
            climate and data                     | Ambiguous use of and as a keyword. Use a space to logically join two clauses, or "AND" to treat as a keyword. (at position 9) | climate "and" data
            climate context:10.799022225751871488 | Operator 'context:' is one X offers that the tweetflow sandbox does not simulate (at position 9) | climate conversation_id:1
            """)
    void refusesWhatXRefusesAndTakesTheMendedQuery(String refused, String message, String mended) throws Exception {
        HttpResponse<String> answer = search(refused);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(json(answer)).isEqualTo(invalidRequest("query", refused, PREFIX + message));

        HttpResponse<String> taken = search(mended);
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);
        assertThat(json(taken).at("/meta/result_count").isInt()).isTrue();
    }

    @Test
    void refusesASinceIdOlderThanTheSevenDaysItReachesAndTakesAYoungerOne() throws Exception {
        long weekAndADayAgo = (Instant.now().minus(Duration.ofDays(8)).toEpochMilli() - XSimulator.TWITTER_EPOCH) << 22;
        long yesterday = (Instant.now().minus(Duration.ofDays(1)).toEpochMilli() - XSimulator.TWITTER_EPOCH) << 22;

        HttpResponse<String> refused = x.search(SAM, "query=climate&since_id=" + weekAndADayAgo);
        HttpResponse<String> taken = x.search(SAM, "query=climate&since_id=" + yesterday);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(json(refused).at("/errors/0/parameters/since_id/0").asText()).isEqualTo(
                Long.toString(weekAndADayAgo));
        assertThat(json(refused).at("/errors/0/message").asText()).startsWith(
                "'since_id' must be a tweet id created after");
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);
    }

    @ParameterizedTest(name = "[{0}] is taken")
    @ValueSource(strings = {"#climate", "@ana_moreau", "from:ana_moreau", "to:ana_moreau",
            "url:\"https://github.com\"", "\"open data\"", "retweets_of:ana_moreau", "place_country:DE",
            "place:\"new york\"", "$twtr OR #opendata",
            "-#climate #opendata -is:retweet -is:reply -is:quote -has:media -has:links -has:hashtags",
            "(climate OR clima OR climat) -(heat OR chaleur)"})
    void takesTheDocumentedOperators(String query) throws Exception {
        HttpResponse<String> answer = search(query);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    private HttpResponse<String> search(String query) throws Exception {
        return x.search(SAM, "query=" + enc(query));
    }
}
