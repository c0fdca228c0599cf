package org.tweetflow.openhumans;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;
import org.tweetflow.TweetflowExchange;
import org.tweetflow.archive.ArchiveFormat;
import org.tweetflow.http.HttpTarget;

/**
 * The steps of the {@code find-archive-file} route: walk every page of {@code exchange-member} (100 files a page)
 * until the archive file turns up or the pages end. The seed looked at the first page only and so, for members
 * with many files, re-created the archive from nothing.
 */
@Component("archiveFileFinder")
public class ArchiveFileFinder {

    static final String PAGE_URL = "tweetflowPageUrl";

    private final OpenHumansEndpoints endpoints;
    private final ObjectMapper mapper;

    public ArchiveFileFinder(OpenHumansEndpoints endpoints, ObjectMapper mapper) {
        this.endpoints = endpoints;
        this.mapper = mapper;
    }

    public void begin(Exchange exchange) {
        exchange.setProperty(PAGE_URL, endpoints.path("/api/direct-sharing/project/exchange-member/").toString());
        exchange.setProperty(TweetflowExchange.MORE_PAGES, true);
    }

    public void nextPage(Exchange exchange) {
        Message message = exchange.getMessage();
        message.setBody(null);
        HttpTarget.set(message, "GET", exchange.getProperty(PAGE_URL, String.class),
                exchange.getProperty(TweetflowExchange.OPEN_HUMANS_TOKEN, String.class));
    }

    /** Leaves the found {@link ArchiveFile} as the body, or null once every page was read without it. */
    public ArchiveFile readPage(Exchange exchange) throws JsonProcessingException {
        Message message = exchange.getMessage();
        OpenHumansAnswers.expect(message, 200, "exchange-member");
        JsonNode page = mapper.readTree(message.getBody(String.class));
        for (JsonNode file : page.path("data")) {
            if (ArchiveFormat.BASENAME.equals(file.path("basename").asText())) {
                exchange.setProperty(TweetflowExchange.MORE_PAGES, false);
                return new ArchiveFile(file.path("id").asLong(), file.path("basename").asText(),
                        file.path("download_url").asText());
            }
        }
        JsonNode next = page.path("next");
        exchange.setProperty(TweetflowExchange.MORE_PAGES, next.isTextual());
        exchange.setProperty(PAGE_URL, next.isTextual() ? next.asText() : null);
        return null;
    }
}
