package org.tweetflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The pages hold nothing the Content-Security-Policy refuses: no inline script or event handler, no style element or
 * attribute (a browser would ignore them, and the page would look or work other than meant).
 */
class TemplatesTest {

    static final Pattern INLINE = Pattern.compile(
            "<style|\\s(th:)?style=|\\son[a-z]+=|<script(?![^>]*[\\s:]src=)[^>]*>", Pattern.CASE_INSENSITIVE);

    @Test
    void noTemplateHasInlineScriptOrStyle() throws IOException {
        Resource[] templates = new PathMatchingResourcePatternResolver().getResources("classpath:templates/**/*.html");

        assertThat(templates).hasSizeGreaterThan(5).allSatisfy(template -> assertThat(INLINE.matcher(
                template.getContentAsString(StandardCharsets.UTF_8)).results().map(match -> match.group()).toList())
                .as(template.getFilename()).isEmpty());
    }
}
