package org.tweetflow.openhumans;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.springframework.stereotype.Component;
import org.tweetflow.TweetflowExchange;

/**
 * The steps of the {@code upload-archive} and {@code delete-archive-files} routes: Open Humans' direct upload (ask
 * for a presigned URL, PUT the file to it as a stream, mark it complete) and, only then, the deletion of the files it
 * replaces, by their ids. Until the new file is complete the old one stays: a failure between the steps never
 * leaves the member without an archive.
 */
@Component("archiveUploader")
public class ArchiveUploader {

    private static final String MEMBER = TweetflowExchange.OPEN_HUMANS_MEMBER;

    private final OpenHumansEndpoints endpoints;
    private final ObjectMapper mapper;
    private final ArchiveUploadMeters meters;

    public ArchiveUploader(OpenHumansEndpoints endpoints, ObjectMapper mapper, ArchiveUploadMeters meters) {
        this.endpoints = endpoints;
        this.mapper = mapper;
        this.meters = meters;
    }

    public OpenHumansCall requestUpload(@Body ArchiveUpload upload, @ExchangeProperty(MEMBER) OpenHumansMember member)
            throws IOException {
        Map<String, Object> fields = fields(member);
        fields.put("filename", ArchiveFile.BASENAME);
        fields.put("metadata", mapper.writeValueAsString(upload.metadata()));
        return post(member, endpoints.uploadDirect().toString(), fields, 201, "upload/direct");
    }

    /** Body: Open Humans' answer to the upload request. */
    public UploadTarget target(@Body String answer) throws JsonProcessingException {
        JsonNode target = mapper.readTree(answer);
        return new UploadTarget(target.path("id").asLong(), target.path("url").asText());
    }

    /**
     * The file goes as a stream of known length, read again from disk should the PUT be redelivered, with no header
     * the presigned URL's signature did not cover (so no Content-Type) and no token.
     */
    public OpenHumansCall putFile(@ExchangeProperty(TweetflowExchange.UPLOAD_TARGET) UploadTarget target,
            @ExchangeProperty(TweetflowExchange.UPLOAD) ArchiveUpload upload) {
        return new OpenHumansCall("PUT", target.url(), null, upload.file(), null, 200, "the presigned PUT");
    }

    /** The PUT of the file is done: its bytes are counted as uploaded. */
    public OpenHumansCall complete(@ExchangeProperty(TweetflowExchange.UPLOAD_TARGET) UploadTarget target,
            @ExchangeProperty(TweetflowExchange.UPLOAD) ArchiveUpload upload,
            @ExchangeProperty(MEMBER) OpenHumansMember member) throws IOException {
        meters.uploaded(Files.size(upload.file()));
        Map<String, Object> fields = fields(member);
        fields.put("file_id", target.fileId());
        return post(member, endpoints.uploadComplete().toString(), fields, 200, "upload/complete");
    }

    /** Body: an archive file to delete, by id; never by basename, which would match the new file too. */
    public OpenHumansCall delete(@Body ArchiveFile old, @ExchangeProperty(MEMBER) OpenHumansMember member)
            throws IOException {
        Map<String, Object> fields = fields(member);
        fields.put("file_id", old.id());
        return post(member, endpoints.deleteFile().toString(), fields, 200, "files/delete");
    }

    private static Map<String, Object> fields(OpenHumansMember member) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("project_member_id", member.projectMemberId());
        return fields;
    }

    private OpenHumansCall post(OpenHumansMember member, String url, Map<String, Object> fields, int expected,
            String step) throws IOException {
        return new OpenHumansCall("POST", url, member.memberId(), mapper.writeValueAsString(fields),
                "application/json", expected, step);
    }
}
