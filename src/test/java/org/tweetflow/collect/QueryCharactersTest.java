package org.tweetflow.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Characters a query may not hold are refused with what and where they are; any visible script passes. */
class QueryCharactersTest {

    @ParameterizedTest(name = "[{0}]: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            '#climate<0000>'        | a NUL character (U+0000) at position 9
            '#climate<000A>heat'    | a line break (U+000A) at position 9
            '#climate<000D><000A>x' | a line break (U+000D) at position 9
            '#clim<0007>ate'        | a control character (U+0007) at position 6
            '#climate <D83C>'       | half of a character (a lone surrogate: text cut or badly encoded) (U+D83C) at position 10
            <DF0D> #climate        | half of a character (a lone surrogate: text cut or badly encoded) (U+DF0D) at position 1
            '#climate <202E>gnp'    | an invisible bidirectional control, which shows text in another order than X reads it (U+202E) at position 10
            <2066>#climate         | an invisible bidirectional control, which shows text in another order than X reads it (U+2066) at position 1
            """)
    void whatCannotBeStoredIsRefusedWithWhatAndWhere(String written, String reason) {
        // <XXXX> stands for the character U+XXXX, which a CSV line cannot hold as it is
        String query = Pattern.compile("<([0-9A-F]{4})>").matcher(written)
                .replaceAll(m -> String.valueOf((char) Integer.parseInt(m.group(1), 16)));
        assertThat(QueryCharacters.problem(query)).contains("the query holds " + reason
                + ": write it on one line, in visible characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"#climate lang:en", "#klima \uD83C\uDF0D", "\u05D0\u05E7\u05DC\u05D9\u05DD \u200F#climate",
            "\u6C14\u5019 OR \"\u0627\u0644\u0645\u0646\u0627\u062E\""})
    void visibleTextOfAnyScriptPasses(String query) {
        assertThat(QueryCharacters.problem(query)).isEmpty();
    }
}
