package org.tweetflow.twitter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The query structures X refuses are refused before a collection is stored; what X accepts passes. */
class SearchQuerySyntaxTest {

    @ParameterizedTest
    @ValueSource(strings = {"#climate", "#climate has:images -is:retweet", "(heat OR flood) lang:en",
        "\"climate change\" -is:retweet", "from:sandy_archivist", "url:\"https://example.org\" OR #opendata",
        "climate (lang:en OR lang:de)", "#climate -is:nullcast has:video_link", "in_reply_to_status_id:1 OR list:123",
        "climate place_country:DE", "context:10.799022225751871488", "entity:\"Barcelona\"", "climate 12:30",
        "\"climate: a report\"", "#climate has:MEDIA_LINK"})
    void queriesXAcceptsPass(String query) {
        assertThat(SearchQuerySyntax.problem(query)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"has:images -is:retweet", "-climate", "lang:en", "(climate", "climate)",
        "\"climate change", "climate OR", "OR climate", "climate OR OR heat", "(OR climate)"})
    void queriesXRefusesAreRefusedWithAReason(String query) {
        assertThat(SearchQuerySyntax.problem(query)).isPresent();
    }

    @ParameterizedTest(name = "[{0}] is refused: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            filter:images #climate         | Reference to invalid operator 'filter'. Operator is not available in current product or product packaging. (at position 1)
            '#climate -filter:retweets'     | Reference to invalid operator 'filter'. Operator is not available in current product or product packaging. (at position 10)
            climate has:polls              | Reference to invalid operator 'has:polls'. Operator is not available in current product or product packaging. (at position 9)
            climate is:retweeted           | Reference to invalid operator 'is:retweeted'. Operator is not available in current product or product packaging. (at position 9)
            (climate OR min_faves:10)      | Reference to invalid operator 'min_faves'. Operator is not available in current product or product packaging. (at position 13)
            climate since:2026-12-01       | Reference to invalid operator 'since'. Operator is not available in current product or product packaging. (at position 9)
            climate from:                  | Reference to invalid operator 'from'. Operator is not available in current product or product packaging. (at position 9)
            climate sample:10              | Reference to invalid operator 'sample'. Operator is not available in current product or product packaging. (at position 9)
            """)
    void operatorsXsV2SearchDoesNotDocumentAreRefusedInXsWords(String query, String xsWords) {
        assertThat(SearchQuerySyntax.problem(query)).contains(xsWords);
    }
}
