package org.tweetflow.openhumans;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;
import org.tweetflow.TweetflowExchange;
import org.tweetflow.archive.ArchiveFormat;

/**
 * The steps of the {@code find-archive-file} route: walk every page of {@code exchange-member} (100 files a page)
 * and collect the member's archive files. The seed looked at the first page only and so, for members with many
 * files, re-created the archive from nothing. Normally there is one; should an interrupted replacement have left
 * two, the newest is the archive and the older ones go with the next upload.
 */
@Component("archiveFileFinder")
public class ArchiveFileFinder {

    private final OpenHumansEndpoints endpoints;
    private final ObjectMapper mapper;

    public ArchiveFileFinder(OpenHumansEndpoints endpoints, ObjectMapper mapper) {
        this.endpoints = endpoints;
        this.mapper = mapper;
    }

    public void begin(Exchange exchange) {
        exchange.setProperty(TweetflowExchange.ARCHIVE_FILES, new ArrayList<ArchiveFile>());
        exchange.setProperty(TweetflowExchange.MORE_PAGES, true);
        page(exchange, endpoints.path("/api/direct-sharing/project/exchange-member/").toString());
    }

    /** Reads one page and prepares the next, if there is one. */
    @SuppressWarnings("unchecked")
    public void readPage(Exchange exchange) throws JsonProcessingException {
        JsonNode page = mapper.readTree(exchange.getMessage().getBody(String.class));
        List<ArchiveFile> found = exchange.getProperty(TweetflowExchange.ARCHIVE_FILES, List.class);
        for (JsonNode file : page.path("data")) {
            if (ArchiveFormat.BASENAME.equals(file.path("basename").asText())) {
                found.add(new ArchiveFile(file.path("id").asLong(), file.path("basename").asText(),
                        file.path("download_url").asText()));
            }
        }
        JsonNode next = page.path("next");
        exchange.setProperty(TweetflowExchange.MORE_PAGES, next.isTextual());
        if (next.isTextual()) {
            page(exchange, next.asText());
        }
    }

    /** Leaves the newest archive file as the body (null when there is none); all of them stay listed. */
    @SuppressWarnings("unchecked")
    public ArchiveFile newest(Exchange exchange) {
        List<ArchiveFile> found = exchange.getProperty(TweetflowExchange.ARCHIVE_FILES, List.class);
        return found.stream().max(Comparator.comparingLong(ArchiveFile::id)).orElse(null);
    }

    private static void page(Exchange exchange, String url) {
        exchange.setProperty(OpenHumansCalls.CALL, OpenHumansCall.get(url,
                exchange.getProperty(TweetflowExchange.OPEN_HUMANS_TOKEN, String.class), "exchange-member"));
    }
}
