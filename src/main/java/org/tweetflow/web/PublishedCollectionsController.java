package org.tweetflow.web;

import java.time.Instant;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import org.tweetflow.collect.Collection;
import org.tweetflow.collect.Collections;
import org.tweetflow.config.TweetflowProperties;

/**
 * What anyone may read without signing in: an Atom feed of the published collections, and robots.txt, which keeps
 * crawlers to the landing page and that feed.
 */
@RestController
class PublishedCollectionsController {

    private final Collections collections;
    private final String publicUrl;

    PublishedCollectionsController(Collections collections, TweetflowProperties properties) {
        this.collections = collections;
        this.publicUrl = properties.publicUrl().toString().replaceAll("/+$", "");
    }

    @GetMapping(path = "/collections/feed.atom", produces = "application/atom+xml")
    String feed() {
        List<Collection> published = collections.published();
        Instant updated = published.stream().map(Collection::createdAt).max(Instant::compareTo)
                .orElse(Instant.EPOCH);
        StringBuilder atom = new StringBuilder("""
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom">
                """);
        atom.append("  <title>tweetflow: published collections</title>\n")
                .append("  <id>").append(publicUrl).append("/collections/feed.atom</id>\n")
                .append("  <link rel=\"self\" href=\"").append(publicUrl).append("/collections/feed.atom\"/>\n")
                .append("  <updated>").append(updated).append("</updated>\n")
                .append("  <author><name>tweetflow</name></author>\n");
        for (Collection c : published) {
            String link = publicUrl + "/collections/" + c.id();
            atom.append("  <entry>\n")
                    .append("    <title>").append(xml(c.query())).append("</title>\n")
                    .append("    <id>").append(link).append("</id>\n")
                    .append("    <link href=\"").append(link).append("\"/>\n")
                    .append("    <updated>").append(c.createdAt()).append("</updated>\n")
                    .append("    <summary>").append(c.collected()).append(" posts collected</summary>\n")
                    .append("  </entry>\n");
        }
        return atom.append("</feed>\n").toString();
    }

    /** Text as XML takes it: markup escaped, characters XML 1.0 does not allow left out (é and 日本 stay as they are). */
    private static String xml(String text) {
        String allowed = text.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c != 0xFFFE
                && c != 0xFFFF).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return HtmlUtils.htmlEscape(allowed, "UTF-8");
    }

    @GetMapping(path = "/robots.txt", produces = MediaType.TEXT_PLAIN_VALUE)
    String robots() {
        return """
                User-agent: *
                Allow: /$
                Allow: /collections/feed.atom
                Disallow: /
                """;
    }
}
