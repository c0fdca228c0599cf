package org.tweetflow.openhumans;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;
import org.tweetflow.TweetflowExchange;
import org.tweetflow.archive.ArchiveFormat;
import org.tweetflow.http.HttpTarget;

/**
 * The steps of the {@code upload-archive} route: Open Humans' direct upload (ask for a presigned URL, PUT the file
 * to it as a stream, mark it complete) and only then delete the previous archive, by its file id. Until the new
 * file is complete the old one stays: a failure between the steps never leaves the member without an archive.
 */
@Component("archiveUploader")
public class ArchiveUploader {

    static final String PUT_URL = "tweetflowPutUrl";
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
        post(exchange, "/api/direct-sharing/project/files/upload/direct/", fields);
    }

    public void putFile(Exchange exchange) throws IOException {
        JsonNode target = answer(exchange, 201, "upload/direct");
        exchange.setProperty(NEW_FILE_ID, target.path("id").asLong());
        Path file = exchange.getProperty(TweetflowExchange.ARCHIVE_PATH, Path.class);
        Message message = exchange.getMessage();
        HttpTarget.set(message, "PUT", target.path("url").asText());
        message.setHeader(Exchange.CONTENT_TYPE, "application/octet-stream");
        message.setHeader(Exchange.CONTENT_LENGTH, Files.size(file));
        message.setBody(Files.newInputStream(file));
    }

    public void complete(Exchange exchange) throws IOException {
        answer(exchange, 200, "the presigned PUT");
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("project_member_id", exchange.getProperty(TweetflowExchange.PROJECT_MEMBER_ID, String.class));
        fields.put("file_id", exchange.getProperty(NEW_FILE_ID, Long.class));
        post(exchange, "/api/direct-sharing/project/files/upload/complete/", fields);
    }

    public void checkCompleted(Exchange exchange) throws IOException {
        answer(exchange, 200, "upload/complete");
    }

    /** Deletes the previous archive by id; never by basename, which would match the new file too. */
    public void deleteOld(Exchange exchange) throws IOException {
        ArchiveFile old = exchange.getProperty(TweetflowExchange.OLD_ARCHIVE, ArchiveFile.class);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("project_member_id", exchange.getProperty(TweetflowExchange.PROJECT_MEMBER_ID, String.class));
        fields.put("file_id", old.id());
        post(exchange, "/api/direct-sharing/project/files/delete/", fields);
    }

    public void checkDeleted(Exchange exchange) throws IOException {
        answer(exchange, 200, "files/delete");
    }

    /** The new archive's file id, as the route's result. */
    public long newFileId(Exchange exchange) {
        return exchange.getProperty(NEW_FILE_ID, Long.class);
    }

    private void post(Exchange exchange, String path, Map<String, Object> fields) throws IOException {
        Message message = exchange.getMessage();
        HttpTarget.set(message, "POST", endpoints.path(path).toString(),
                exchange.getProperty(TweetflowExchange.OPEN_HUMANS_TOKEN, String.class));
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setBody(mapper.writeValueAsString(fields));
    }

    private JsonNode answer(Exchange exchange, int expected, String step) throws IOException {
        Message message = exchange.getMessage();
        OpenHumansAnswers.expect(message, expected, step);
        String body = message.getBody(String.class);
        return body == null || body.isBlank() ? mapper.createObjectNode() : mapper.readTree(body);
    }
}
