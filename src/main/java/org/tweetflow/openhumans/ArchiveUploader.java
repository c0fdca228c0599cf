package org.tweetflow.openhumans;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;
import org.tweetflow.TweetflowExchange;
import org.tweetflow.archive.ArchiveFormat;

/**
 * The steps of the {@code upload-archive} route: Open Humans' direct upload (ask for a presigned URL, PUT the file
 * to it as a stream, mark it complete) and only then delete the previous archive files, by their ids. Until the new
 * file is complete the old one stays: a failure between the steps never leaves the member without an archive.
 */
@Component("archiveUploader")
public class ArchiveUploader {

    static final String NEW_FILE_ID = "tweetflowNewFileId";

    private final OpenHumansEndpoints endpoints;
    private final ObjectMapper mapper;

    public ArchiveUploader(OpenHumansEndpoints endpoints, ObjectMapper mapper) {
        this.endpoints = endpoints;
        this.mapper = mapper;
    }

    public void requestUpload(Exchange exchange) throws IOException {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("project_member_id", exchange.getProperty(TweetflowExchange.PROJECT_MEMBER_ID, String.class));
        fields.put("filename", ArchiveFormat.BASENAME);
        fields.put("metadata", mapper.writeValueAsString(exchange.getProperty(TweetflowExchange.ARCHIVE_METADATA)));
        post(exchange, "/api/direct-sharing/project/files/upload/direct/", fields, 201, "upload/direct");
    }

    /**
     * The file goes as a stream of known length, read again from disk should the PUT be redelivered, with no header
     * the presigned URL's signature did not cover (so no Content-Type).
     */
    public void putFile(Exchange exchange) throws IOException {
        JsonNode target = mapper.readTree(exchange.getMessage().getBody(String.class));
        exchange.setProperty(NEW_FILE_ID, target.path("id").asLong());
        exchange.setProperty(OpenHumansCalls.CALL, new OpenHumansCall("PUT", target.path("url").asText(), null,
                exchange.getProperty(TweetflowExchange.ARCHIVE_PATH, Path.class), null, 200,
                "the presigned PUT"));
    }

    public void complete(Exchange exchange) throws IOException {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("project_member_id", exchange.getProperty(TweetflowExchange.PROJECT_MEMBER_ID, String.class));
        fields.put("file_id", exchange.getProperty(NEW_FILE_ID, Long.class));
        post(exchange, "/api/direct-sharing/project/files/upload/complete/", fields, 200, "upload/complete");
    }

    /** Body: an archive file to delete, by id; never by basename, which would match the new file too. */
    public void delete(Exchange exchange) throws IOException {
        ArchiveFile old = exchange.getMessage().getBody(ArchiveFile.class);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("project_member_id", exchange.getProperty(TweetflowExchange.PROJECT_MEMBER_ID, String.class));
        fields.put("file_id", old.id());
        post(exchange, "/api/direct-sharing/project/files/delete/", fields, 200, "files/delete");
    }

    /** The new archive's file id, as the route's result. */
    public long newFileId(Exchange exchange) {
        return exchange.getProperty(NEW_FILE_ID, Long.class);
    }

    private void post(Exchange exchange, String path, Map<String, Object> fields, int expected, String step)
            throws IOException {
        exchange.setProperty(OpenHumansCalls.CALL, new OpenHumansCall("POST", endpoints.path(path).toString(),
                exchange.getProperty(TweetflowExchange.OPEN_HUMANS_TOKEN, String.class),
                mapper.writeValueAsString(fields), "application/json", expected, step));
    }
}
