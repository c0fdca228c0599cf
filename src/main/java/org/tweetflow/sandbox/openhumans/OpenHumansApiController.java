package org.tweetflow.sandbox.openhumans;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import org.tweetflow.config.TweetflowProperties;
import org.tweetflow.sandbox.SandboxClients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The simulated Open Humans API: token endpoint, exchange-member, direct upload, delete, download, storage. */
@RestController
@RequestMapping(SandboxClients.OPEN_HUMANS_PATH)
class OpenHumansApiController {

    static final int PAGE_SIZE = 100;
    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String EXCHANGE_PATH = "/api/direct-sharing/project/exchange-member/";

    private final OpenHumansSimulator simulator;
    private final S3Presigner presigner;
    private final TweetflowProperties properties;
    private final ObjectMapper json;

    OpenHumansApiController(OpenHumansSimulator simulator, S3Presigner presigner, TweetflowProperties properties,
            ObjectMapper json) {
        this.simulator = simulator;
        this.presigner = presigner;
        this.properties = properties;
        this.json = json;
    }

    // ------------------------------------------------------------------------------------------ OAuth2 token

    @PostMapping({"/oauth2/token/", "/oauth2/token"})
    ResponseEntity<Object> token(HttpServletRequest request) {
        String[] client = clientCredentials(request);
        if (!SandboxClients.OPEN_HUMANS_CLIENT_ID.equals(client[0])
                || !SandboxClients.OPEN_HUMANS_CLIENT_SECRET.equals(client[1])) {
            return json(HttpStatus.UNAUTHORIZED, Map.of("error", "invalid_client"));
        }
        String grantType = request.getParameter("grant_type");
        Optional<OpenHumansSimulator.Tokens> tokens;
        if ("authorization_code".equals(grantType)) {
            tokens = simulator.redeemCode(request.getParameter("code"), request.getParameter("redirect_uri"));
        } else if ("refresh_token".equals(grantType)) {
            tokens = simulator.redeemRefreshToken(request.getParameter("refresh_token"));
        } else {
            return json(HttpStatus.BAD_REQUEST, Map.of("error", "unsupported_grant_type"));
        }
        if (tokens.isEmpty()) {
            // RFC 6749 5.2, and Open Humans since its OAuth library followed it (oauthlib 3.0; the 2018 recordings
            // in fixtures/ohapi still show the old 401).
            return json(HttpStatus.BAD_REQUEST, Map.of("error", "invalid_grant"));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", tokens.get().accessToken());
        body.put("token_type", "Bearer");
        body.put("expires_in", OpenHumansSimulator.ACCESS_TOKEN_TTL.toSeconds());
        body.put("refresh_token", tokens.get().refreshToken());
        body.put("scope", OpenHumansSimulator.SCOPE);
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").header("Pragma", "no-cache")
                .contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private static String[] clientCredentials(HttpServletRequest request) {
        String auth = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (auth != null && auth.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(auth.substring(6).trim()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon >= 0) {
                    return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
                }
            } catch (IllegalArgumentException e) {
                return new String[] {null, null};
            }
        }
        return new String[] {request.getParameter("client_id"), request.getParameter("client_secret")};
    }

    // ------------------------------------------------------------------------------------------ exchange-member

    @GetMapping({EXCHANGE_PATH, "/api/direct-sharing/project/exchange-member"})
    ResponseEntity<Object> exchangeMember(HttpServletRequest request,
            @RequestParam(name = "page", required = false) String pageParam) {
        simulator.count("exchange-member");
        Auth auth = authenticate(request);
        if (auth.error != null) {
            return auth.error;
        }
        SimulatedMember member = simulator.member(auth.memberId).orElseThrow();
        List<OpenHumansSimulator.FileRecord> all = simulator.completedFiles(member.projectMemberId());
        int page;
        try {
            page = pageParam == null ? 1 : Integer.parseInt(pageParam);
        } catch (NumberFormatException e) {
            page = -1;
        }
        int pages = Math.max(1, (all.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        if (page < 1 || page > pages) {
            return json(HttpStatus.NOT_FOUND, Map.of("detail", "Invalid page."));
        }
        List<Map<String, Object>> data = new ArrayList<>();
        for (OpenHumansSimulator.FileRecord f : all.subList((page - 1) * PAGE_SIZE,
                Math.min(all.size(), page * PAGE_SIZE))) {
            data.add(fileJson(f));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("count", all.size());
        body.put("next", page < pages ? pageUrl(request, page + 1) : null);
        body.put("previous", page > 1 ? pageUrl(request, page - 1) : null);
        body.put("created", CREATED.format(member.created()));
        body.put("project_member_id", member.projectMemberId());
        body.put("username", member.username());
        body.put("message_permission", true);
        body.put("sources_shared", List.of());
        body.put("data", data);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private Map<String, Object> fileJson(OpenHumansSimulator.FileRecord f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", f.id);
        m.put("basename", f.basename);
        m.put("created", CREATED.format(f.created));
        m.put("datatypes", List.of());
        m.put("download_url", base().path("/data-management/datafile-download/" + f.id + "/")
                .queryParam("key", f.downloadKey).build().toUriString());
        m.put("metadata", metadataNode(f.metadataJson));
        m.put("source", OpenHumansSimulator.SOURCE);
        return m;
    }

    private Object metadataNode(String metadataJson) {
        try {
            return json.readTree(metadataJson == null ? "{}" : metadataJson);
        } catch (IOException e) {
            return Map.of();
        }
    }

    /** Like Django REST framework: keeps the query, sets page (and drops it for page 1). */
    private String pageUrl(HttpServletRequest request, int page) {
        UriComponentsBuilder b = base().path(EXCHANGE_PATH);
        String token = request.getParameter("access_token");
        if (token != null) {
            b.queryParam("access_token", token);
        }
        if (page > 1) {
            b.queryParam("page", page);
        }
        return b.encode().build().toUriString();
    }

    // ------------------------------------------------------------------------------------------ upload

    @PostMapping({"/api/direct-sharing/project/files/upload/direct/",
            "/api/direct-sharing/project/files/upload/direct"})
    ResponseEntity<Object> uploadDirect(HttpServletRequest request) throws IOException {
        simulator.count("upload-direct");
        MemberCall call = memberCall(request);
        if (call.error() != null) {
            return call.error();
        }
        Auth auth = call.auth();
        Map<String, String> fields = call.fields();
        String filename = fields.get("filename");
        if (filename == null || filename.isBlank()) {
            return json(HttpStatus.BAD_REQUEST, Map.of("filename", List.of("This field is required.")));
        }
        if (filename.contains("/") || filename.contains("\\")) {
            return json(HttpStatus.BAD_REQUEST, Map.of("filename", List.of("Filename must not contain \"/\".")));
        }
        String metadataProblem = metadataProblem(fields.get("metadata"));
        if (metadataProblem != null) {
            return json(HttpStatus.BAD_REQUEST, Map.of("metadata", List.of(metadataProblem)));
        }
        OpenHumansSimulator.FileRecord file = simulator.newFile(auth.memberId, filename,
                json.readTree(fields.get("metadata")).toString());
        String url = presigner.url("PUT", file.storageKey, file.basename);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", file.id);
        body.put("url", url);
        return json(HttpStatus.CREATED, body);
    }

    private String metadataProblem(String metadata) {
        if (metadata == null || metadata.isBlank()) {
            return "This field is required.";
        }
        JsonNode node;
        try {
            node = json.readTree(metadata);
        } catch (IOException e) {
            return "Metadata must be valid JSON.";
        }
        if (node == null || !node.isObject()) {
            return "Metadata must be a JSON object.";
        }
        if (!node.has("description")) {
            return "\"description\" is a required field of the metadata";
        }
        if (!node.get("description").isTextual()) {
            return "\"description\" must be a string";
        }
        if (!node.has("tags")) {
            return "\"tags\" is a required field of the metadata";
        }
        if (!node.get("tags").isArray()) {
            return "\"tags\" must be an array";
        }
        return null;
    }

    @PostMapping({"/api/direct-sharing/project/files/upload/complete/",
            "/api/direct-sharing/project/files/upload/complete"})
    ResponseEntity<Object> uploadComplete(HttpServletRequest request) throws IOException {
        simulator.count("complete");
        MemberCall call = memberCall(request);
        if (call.error() != null) {
            return call.error();
        }
        Auth auth = call.auth();
        Map<String, String> fields = call.fields();
        Optional<OpenHumansSimulator.FileRecord> file = parseId(fields.get("file_id")).flatMap(simulator::file)
                .filter(f -> f.projectMemberId.equals(auth.memberId));
        if (file.isEmpty()) {
            return json(HttpStatus.BAD_REQUEST, Map.of("file_id", List.of("Invalid file_id.")));
        }
        Optional<Long> size = simulator.complete(file.get());
        if (size.isEmpty()) {
            return json(HttpStatus.BAD_REQUEST, Map.of("file_id", List.of("The file was never uploaded.")));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        body.put("size", size.get());
        return json(HttpStatus.OK, body);
    }

    // ------------------------------------------------------------------------------------------ delete

    @PostMapping({"/api/direct-sharing/project/files/delete/", "/api/direct-sharing/project/files/delete"})
    ResponseEntity<Object> delete(HttpServletRequest request) throws IOException {
        simulator.count("delete");
        MemberCall call = memberCall(request);
        if (call.error() != null) {
            return call.error();
        }
        Auth auth = call.auth();
        Map<String, String> fields = call.fields();
        String fileId = blankToNull(fields.get("file_id"));
        String basename = blankToNull(fields.get("file_basename"));
        String allFiles = blankToNull(fields.get("all_files"));
        int selectors = (fileId == null ? 0 : 1) + (basename == null ? 0 : 1) + (allFiles == null ? 0 : 1);
        if (selectors != 1) {
            return json(HttpStatus.BAD_REQUEST, Map.of("non_field_errors",
                    List.of("One (and only one) of file_id, file_basename or all_files is required.")));
        }
        Optional<Long> id = fileId == null ? Optional.empty() : parseId(fileId);
        if (fileId != null && id.isEmpty()) {
            return json(HttpStatus.BAD_REQUEST, Map.of("file_id", List.of("A valid integer is required.")));
        }
        boolean all = allFiles != null && List.of("true", "1", "yes", "on").contains(allFiles.toLowerCase());
        List<Long> ids = new ArrayList<>();
        for (OpenHumansSimulator.FileRecord f : simulator.completedFiles(auth.memberId)) {
            boolean match = id.map(v -> v == f.id).orElse(false) || f.basename.equals(basename) || all;
            if (match) {
                simulator.delete(f);
                ids.add(f.id);
            }
        }
        return json(HttpStatus.OK, Map.of("ids", ids));
    }

    // ------------------------------------------------------------------------------------------ download

    @GetMapping({"/data-management/datafile-download/{id}/", "/data-management/datafile-download/{id}"})
    ResponseEntity<Object> download(@PathVariable("id") String id,
            @RequestParam(name = "key", required = false) String key) {
        simulator.count("download");
        Optional<OpenHumansSimulator.FileRecord> file = parseId(id).flatMap(simulator::file)
                .filter(f -> f.completed && f.downloadKey.equals(key));
        if (file.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_HTML)
                    .body("<h1>Not Found</h1>");
        }
        return ResponseEntity.status(HttpStatus.FOUND)
                .header(HttpHeaders.LOCATION, presigner.url("GET", file.get().storageKey, file.get().basename))
                .build();
    }

    // ------------------------------------------------------------------------------------------ helpers

    private UriComponentsBuilder base() {
        String root = properties.publicUrl().toString();
        if (root.endsWith("/")) {
            root = root.substring(0, root.length() - 1);
        }
        return UriComponentsBuilder.fromUriString(root + SandboxClients.OPEN_HUMANS_PATH);
    }

    private record Auth(String memberId, ResponseEntity<Object> error) {
    }

    private Auth authenticate(HttpServletRequest request) {
        String token = request.getParameter("access_token");
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if ((token == null || token.isBlank()) && header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = header.substring(7).trim();
        }
        if (token == null || token.isBlank()) {
            return new Auth(null, json(HttpStatus.UNAUTHORIZED,
                    Map.of("detail", "Authentication credentials were not provided.")));
        }
        return switch (simulator.tokenState(token)) {
            case VALID -> new Auth(simulator.memberOf(token), null);
            case EXPIRED -> new Auth(null, json(HttpStatus.UNAUTHORIZED, Map.of("detail", "Expired token.")));
            case INVALID -> new Auth(null, json(HttpStatus.UNAUTHORIZED, Map.of("detail", "Invalid token.")));
        };
    }

    /** A project call on behalf of a member: authenticated, with fields, for the token's own member only. */
    private record MemberCall(Auth auth, Map<String, String> fields, ResponseEntity<Object> error) {
    }

    private MemberCall memberCall(HttpServletRequest request) throws IOException {
        Auth auth = authenticate(request);
        if (auth.error != null) {
            return new MemberCall(auth, Map.of(), auth.error);
        }
        Map<String, String> fields = fields(request);
        return new MemberCall(auth, fields, checkMember(auth, fields.get("project_member_id")));
    }

    private ResponseEntity<Object> checkMember(Auth auth, String projectMemberId) {
        if (projectMemberId == null || projectMemberId.isBlank()) {
            return json(HttpStatus.BAD_REQUEST, Map.of("project_member_id", List.of("This field is required.")));
        }
        if (!projectMemberId.equals(auth.memberId)) {
            return json(HttpStatus.BAD_REQUEST, Map.of("project_member_id", "project_member_id is invalid"));
        }
        return null;
    }

    /** Form fields, or the fields of a JSON body (non-string values as JSON text). */
    private Map<String, String> fields(HttpServletRequest request) throws IOException {
        Map<String, String> fields = new HashMap<>();
        String contentType = request.getContentType();
        if (contentType != null && contentType.toLowerCase().startsWith(MediaType.APPLICATION_JSON_VALUE)) {
            JsonNode node = json.readTree(request.getInputStream());
            if (node != null && node.isObject()) {
                node.fields().forEachRemaining(e -> fields.put(e.getKey(),
                        e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
            }
        } else {
            request.getParameterMap().forEach((k, v) -> {
                if (v.length > 0) {
                    fields.put(k, v[0]);
                }
            });
        }
        return fields;
    }

    private static Optional<Long> parseId(String s) {
        try {
            return s == null ? Optional.empty() : Optional.of(Long.parseLong(s.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static ResponseEntity<Object> json(HttpStatus status, Object body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
