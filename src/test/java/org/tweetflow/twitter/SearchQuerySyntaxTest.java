package org.tweetflow.twitter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The query structures X refuses are refused before a collection is stored; what X accepts passes. */
class SearchQuerySyntaxTest {

    @ParameterizedTest
    @ValueSource(strings = {"#climate", "#climate has:images -is:retweet", "(heat OR flood) lang:en",
        "\"climate change\" -is:retweet", "from:sandy_archivist", "url:\"https://example.org\" OR #opendata",
        "climate (lang:en OR lang:de)"})
    void queriesXAcceptsPass(String query) {
        assertThat(SearchQuerySyntax.problem(query)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"has:images -is:retweet", "-climate", "lang:en", "(climate", "climate)",
        "\"climate change", "climate OR", "OR climate", "climate OR OR heat", "(OR climate)"})
    void queriesXRefusesAreRefusedWithAReason(String query) {
        assertThat(SearchQuerySyntax.problem(query)).isPresent();
    }
}
