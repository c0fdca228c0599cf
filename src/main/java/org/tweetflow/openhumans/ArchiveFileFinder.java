package org.tweetflow.openhumans;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.RuntimeCamelException;
import org.springframework.stereotype.Component;
import org.tweetflow.TweetflowExchange;

/**
 * The steps of the {@code find-archive-file} route: walk every page of {@code exchange-member} (100 files a page),
 * each page enriching the search with the member's archive files it lists. The seed looked at the first page only
 * and so, for members with many files, re-created the archive from nothing.
 */
@Component("archiveFileFinder")
public class ArchiveFileFinder implements AggregationStrategy {

    private final OpenHumansEndpoints endpoints;
    private final ObjectMapper mapper;

    public ArchiveFileFinder(OpenHumansEndpoints endpoints, ObjectMapper mapper) {
        this.endpoints = endpoints;
        this.mapper = mapper;
    }

    /** The search starts at the first page. */
    public Search begin(@ExchangeProperty(TweetflowExchange.OPEN_HUMANS_MEMBER) OpenHumansMember member) {
        return new Search(member.memberId(), endpoints.exchangeMember().toString(), List.of());
    }

    public OpenHumansCall nextPage(@Body Search search) {
        return OpenHumansCall.get(search.nextPage(), search.memberId(), "exchange-member");
    }

    /** The Content Enricher's half: the page Open Humans answered is read into the search. */
    @Override
    public Exchange aggregate(Exchange searching, Exchange page) {
        if (page.getException() != null) {
            searching.setException(page.getException());
            return searching;
        }
        try {
            searching.getMessage().setBody(searching.getMessage().getBody(Search.class)
                    .read(mapper.readTree(page.getMessage().getBody(String.class))));
        } catch (JsonProcessingException unreadable) {
            searching.setException(new RuntimeCamelException("Open Humans answered exchange-member with "
                    + "something that is not JSON", unreadable));
        }
        return searching;
    }

    public ArchiveFiles found(@Body Search search) {
        return new ArchiveFiles(search.found());
    }

    /** How far the search got: the next page to read (null after the last) and the archive files found so far. */
    public record Search(long memberId, String nextPage, List<ArchiveFile> found) {

        public boolean hasNextPage() {
            return nextPage != null;
        }

        Search read(JsonNode page) {
            List<ArchiveFile> files = new ArrayList<>(found);
            for (JsonNode file : page.path("data")) {
                if (ArchiveFile.BASENAME.equals(file.path("basename").asText())) {
                    files.add(new ArchiveFile(file.path("id").asLong(), file.path("basename").asText(),
                            file.path("download_url").asText()));
                }
            }
            JsonNode next = page.path("next");
            return new Search(memberId, next.isTextual() ? next.asText() : null, List.copyOf(files));
        }
    }
}
