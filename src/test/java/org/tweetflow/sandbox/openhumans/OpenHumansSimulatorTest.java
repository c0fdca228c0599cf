package org.tweetflow.sandbox.openhumans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tweetflow.sandbox.SandboxHttp.enc;
import static org.tweetflow.sandbox.SandboxHttp.form;
import static org.tweetflow.sandbox.SandboxHttp.json;
import static org.tweetflow.sandbox.SandboxHttp.pathAndQuery;
import static org.tweetflow.sandbox.SandboxHttp.query;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tweetflow.config.TweetflowProperties;
import org.tweetflow.sandbox.SandboxClients;
import org.tweetflow.sandbox.SandboxTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

@SandboxTest
class OpenHumansSimulatorTest {

    private static final String ADA = "10000001";
    private static final String BEN = "10000002";
    private static final String CLEO = "10000003";
    private static final String META = "{\"description\":\"an archive\",\"tags\":[\"tweets\",\"json\"]}";

    @Autowired
    OpenHumansSimulator simulator;

    @Autowired
    OpenHumansApi openHumans;
    @Autowired
    TweetflowProperties properties;

    /** The project's one redirect URL: Open Humans sends a code nowhere else. */
    String redirect;

    @BeforeEach
    void clean() {
        simulator.clearFiles();
        simulator.resetCounts();
        redirect = SandboxClients.openHumansRedirect(properties.publicUrl());
    }

    // ------------------------------------------------------------------ authorize

    @Test
    void authorizeRedirectsWithCodeAndState() throws Exception {
        HttpResponse<String> page = openHumans.get("/direct-sharing/projects/oauth2/authorize/?client_id="
                + SandboxClients.OPEN_HUMANS_CLIENT_ID + "&response_type=code&redirect_uri=" + enc(redirect)
                + "&state=st-1", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("ada", "ben", "cleo", "Authorize", "Deny");

        HttpResponse<String> decided = decide("authorize", BEN, "st-1");
        assertThat(decided.statusCode()).isEqualTo(302);
        String location = decided.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(redirect + "?code=").endsWith("&state=st-1");

        String code = query(location).get("code");
        JsonNode tokens = json(tokenBasic(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", redirect)));
        JsonNode member = json(openHumans.exchangeMember(tokens.get("access_token").asText()));
        assertThat(member.get("username").asText()).isEqualTo("ben");
        assertThat(member.get("project_member_id").asText()).isEqualTo(BEN);
    }

    /** Open Humans (Django OAuth Toolkit) refuses on its own page, with its words, and sends no code. */
    @Test
    void aRedirectUriOtherThanTheProjectsIsRefusedOnOpenHumansPageAndGetsNoCode() throws Exception {
        for (String other : new String[] {"http://evil.example/login/oauth2/code/openhumans", redirect + "/",
                redirect + "?next=/", redirect.replace("localhost", "127.0.0.1")}) {
            HttpResponse<String> page = openHumans.get("/direct-sharing/projects/oauth2/authorize/?client_id="
                    + SandboxClients.OPEN_HUMANS_CLIENT_ID + "&response_type=code&redirect_uri=" + enc(other)
                    + "&state=st-1", null);
            HttpResponse<String> decided = decide("authorize", BEN, "st-1", other);

            for (HttpResponse<String> answer : List.of(page, decided)) {
                assertThat(answer.statusCode()).as(other).isEqualTo(400);
                assertThat(answer.headers().firstValue("Location")).as(other).isEmpty();
                assertThat(answer.body()).as(other).contains(OpenHumansAuthorizeController.MISMATCHING_REDIRECT)
                        .doesNotContain("code=");
            }
        }
    }

    @Test
    void denyRedirectsWithAccessDenied() throws Exception {
        HttpResponse<String> decided = decide("deny", ADA, "st-2");
        assertThat(decided.statusCode()).isEqualTo(302);
        assertThat(decided.headers().firstValue("Location")).hasValue(redirect + "?error=access_denied&state=st-2");
    }

    @Test
    void unknownClientIdIs400Page() throws Exception {
        HttpResponse<String> page = openHumans.get("/direct-sharing/projects/oauth2/authorize/?client_id=nope"
                + "&response_type=code&redirect_uri=" + enc(redirect) + "&state=s", null);
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("Invalid client_id");
    }

    // ------------------------------------------------------------------ token

    @Test
    void codeExchangesOnceForRotatingTokens() throws Exception {
        String code = query(decide("authorize", ADA, "s").headers().firstValue("Location").orElseThrow())
                .get("code");
        Map<String, String> form = Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", redirect);

        HttpResponse<String> first = tokenBasic(form);
        assertThat(first.statusCode()).isEqualTo(200);
        JsonNode tokens = json(first);
        assertThat(tokens.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(tokens.get("expires_in").asInt()).isEqualTo(36000);
        assertThat(tokens.get("scope").asText()).isEqualTo("read write");
        assertThat(tokens.get("access_token").asText()).isNotBlank();
        assertThat(tokens.get("refresh_token").asText()).isNotBlank().isNotEqualTo(tokens.get("access_token").asText());

        HttpResponse<String> again = tokenBasic(form);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).isEqualTo("{\"error\":\"invalid_grant\"}");

        String other = query(decide("authorize", ADA, "s").headers().firstValue("Location").orElseThrow())
                .get("code");
        HttpResponse<String> badClient = openHumans.post("/oauth2/token/", form(Map.of("grant_type",
                "authorization_code", "code", other, "redirect_uri", redirect,
                "client_id", SandboxClients.OPEN_HUMANS_CLIENT_ID, "client_secret", "wrong")), null);
        assertThat(badClient.statusCode()).isEqualTo(401);
        assertThat(json(badClient).get("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    void refreshTokenRotates() throws Exception {
        OpenHumansSimulator.Tokens issued = simulator.issueTokens(CLEO);
        Map<String, String> form = Map.of("grant_type", "refresh_token", "refresh_token", issued.refreshToken(),
                "client_id", SandboxClients.OPEN_HUMANS_CLIENT_ID,
                "client_secret", SandboxClients.OPEN_HUMANS_CLIENT_SECRET);
        HttpResponse<String> refreshed = openHumans.post("/oauth2/token/", form(form), null);
        assertThat(refreshed.statusCode()).isEqualTo(200);
        JsonNode tokens = json(refreshed);
        assertThat(tokens.get("refresh_token").asText()).isNotEqualTo(issued.refreshToken());
        assertThat(json(openHumans.exchangeMember(tokens.get("access_token").asText())).get("username").asText())
                .isEqualTo("cleo");

        HttpResponse<String> reused = openHumans.post("/oauth2/token/", form(form), null);
        assertThat(reused.statusCode()).isEqualTo(400);
        assertThat(reused.body()).isEqualTo("{\"error\":\"invalid_grant\"}");
    }

    // ------------------------------------------------------------------ exchange-member

    @Test
    void exchangeMemberListsOnlyCompletedFiles() throws Exception {
        String token = simulator.issueToken(ADA);
        SimulatedFile done = simulator.addFile(ADA, "done.json", META, "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        simulator.addFile(BEN, "bens.json", META, new byte[] {1});
        HttpResponse<String> pending = openHumans.uploadDirect(token, ADA, "pending.json", META);
        assertThat(pending.statusCode()).isEqualTo(201);

        JsonNode member = json(openHumans.exchangeMember(token));
        assertThat(member.get("project_member_id").asText()).isEqualTo(ADA);
        assertThat(member.get("username").asText()).isEqualTo("ada");
        assertThat(member.get("message_permission").asBoolean()).isTrue();
        assertThat(member.get("sources_shared").isArray()).isTrue();
        assertThat(member.get("created").asText()).isEqualTo("2024-01-15T09:00:00.000000Z");
        assertThat(member.get("count").asInt()).isEqualTo(1);
        assertThat(member.get("next").isNull()).isTrue();
        assertThat(member.get("previous").isNull()).isTrue();
        JsonNode file = member.get("data").get(0);
        assertThat(member.get("data")).hasSize(1);
        assertThat(file.get("id").asLong()).isEqualTo(done.id());
        assertThat(file.get("basename").asText()).isEqualTo("done.json");
        assertThat(file.get("metadata").get("description").asText()).isEqualTo("an archive");
        assertThat(file.get("metadata").get("tags").get(1).asText()).isEqualTo("json");
        assertThat(file.get("source").asText()).isEqualTo("direct-sharing-1330");
        assertThat(file.get("created").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
        assertThat(file.get("download_url").asText()).startsWith("http://localhost:")
                .contains("/sandbox/openhumans/data-management/datafile-download/" + done.id() + "/?key=");
        assertThat(simulator.callCount("exchange-member")).isEqualTo(1);
        assertThat(simulator.callCount("upload-direct")).isEqualTo(1);
    }

    @Test
    void exchangeMemberPagesByHundred() throws Exception {
        for (int i = 0; i < 150; i++) {
            simulator.addFile(CLEO, "f" + i + ".json", META, new byte[] {(byte) i});
        }
        String token = simulator.issueToken(CLEO);
        JsonNode first = json(openHumans.exchangeMember(token));
        assertThat(first.get("count").asInt()).isEqualTo(150);
        assertThat(first.get("data")).hasSize(100);
        assertThat(first.get("data").get(0).get("basename").asText()).isEqualTo("f0.json");
        assertThat(first.get("previous").isNull()).isTrue();
        String next = first.get("next").asText();
        assertThat(next).contains("/sandbox/openhumans/api/direct-sharing/project/exchange-member/?")
                .contains("access_token=" + token).endsWith("page=2");

        JsonNode second = json(openHumans.get(pathAndQuery(next), null));
        assertThat(second.get("data")).hasSize(50);
        assertThat(second.get("data").get(0).get("basename").asText()).isEqualTo("f100.json");
        assertThat(second.get("data").get(49).get("basename").asText()).isEqualTo("f149.json");
        assertThat(second.get("next").isNull()).isTrue();
        assertThat(second.get("previous").asText()).contains("access_token=" + token).doesNotContain("page=");
    }

    // ------------------------------------------------------------------ upload

    @Test
    void directUploadPutCompleteThenListed() throws Exception {
        String token = simulator.issueToken(BEN);
        HttpResponse<String> direct = openHumans.uploadDirect(token, BEN, "archive.json", META);
        assertThat(direct.statusCode()).isEqualTo(201);
        JsonNode answer = json(direct);
        long id = answer.get("id").asLong();
        String url = answer.get("url").asText();
        assertThat(url).startsWith("http://localhost:").contains("/sandbox/openhumans/storage/")
                .contains("/archive.json?AWSAccessKeyId=").contains("&Expires=").contains("&Signature=");

        byte[] content = "{\"tweets\":[1,2,3]}".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> tampered = openHumans.send(
                HttpRequest.newBuilder(openHumans.local(pathAndQuery(url) + "x"))
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(content)).build());
        assertThat(tampered.statusCode()).isEqualTo(403);
        assertThat(tampered.body()).contains("<Error><Code>SignatureDoesNotMatch</Code>");

        HttpResponse<String> early = complete(token, BEN, id);
        assertThat(early.statusCode()).isEqualTo(400);

        HttpResponse<String> put = openHumans.send(HttpRequest.newBuilder(openHumans.local(pathAndQuery(url)))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content)).build());
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(simulator.files(BEN)).isEmpty();

        HttpResponse<String> complete = complete(token, BEN, id);
        assertThat(complete.statusCode()).isEqualTo(200);
        assertThat(complete.body()).isEqualTo("{\"status\":\"ok\",\"size\":" + content.length + "}");

        List<SimulatedFile> files = simulator.files(BEN);
        assertThat(files).extracting(SimulatedFile::id, SimulatedFile::basename, SimulatedFile::size)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(id, "archive.json", (long) content.length));
        assertThat(json(files.get(0).metadataJson())).isEqualTo(json(META));
        assertThat(Files.readAllBytes(simulator.path(id))).isEqualTo(content);
        JsonNode member = json(openHumans.exchangeMember(token));
        assertThat(member.get("data").get(0).get("id").asLong()).isEqualTo(id);
        assertThat(simulator.callCount("put")).isEqualTo(2);
        assertThat(simulator.callCount("complete")).isEqualTo(2);
    }

    @Test
    void directUploadAcceptsJsonBodyAndBearer() throws Exception {
        String token = simulator.issueToken(ADA);
        String body = new ObjectMapper().writeValueAsString(Map.of("project_member_id", ADA, "filename", "j.json",
                "metadata", META));
        HttpResponse<String> direct = openHumans.send(HttpRequest.newBuilder(
                openHumans.local("/api/direct-sharing/project/files/upload/direct/"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(direct.statusCode()).isEqualTo(201);
        assertThat(json(direct).get("id").asLong()).isPositive();
    }

    @Test
    void uploadWithoutDescriptionOrTagsIs400() throws Exception {
        String token = simulator.issueToken(ADA);
        HttpResponse<String> noTags = openHumans.uploadDirect(token, ADA, "foo", "{\"description\":\"Test data\"}");
        assertThat(noTags.statusCode()).isEqualTo(400);
        assertThat(noTags.body()).isEqualTo("{\"metadata\":[\"\\\"tags\\\" is a required field of the metadata\"]}");
        HttpResponse<String> noDescription = openHumans.uploadDirect(token, ADA, "foo", "{\"tags\":[\"text\"]}");
        assertThat(noDescription.statusCode()).isEqualTo(400);
        assertThat(noDescription.body())
                .isEqualTo("{\"metadata\":[\"\\\"description\\\" is a required field of the metadata\"]}");
        HttpResponse<String> notObject = openHumans.uploadDirect(token, ADA, "foo", "[1]");
        assertThat(notObject.statusCode()).isEqualTo(400);
        assertThat(json(notObject).get("metadata").get(0).asText()).isEqualTo("Metadata must be a JSON object.");
        HttpResponse<String> tagsNotArray = openHumans.uploadDirect(token, ADA, "foo",
                "{\"description\":\"d\",\"tags\":\"t\"}");
        assertThat(tagsNotArray.statusCode()).isEqualTo(400);
        assertThat(simulator.files(ADA)).isEmpty();
    }

    // ------------------------------------------------------------------ delete

    @Test
    void deleteNeedsExactlyOneSelector() throws Exception {
        String token = simulator.issueToken(ADA);
        SimulatedFile f = simulator.addFile(ADA, "a.json", META, new byte[] {1});
        HttpResponse<String> none = delete(token, Map.of("project_member_id", ADA));
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(json(none).get("non_field_errors").get(0).asText()).contains("file_id", "file_basename", "all_files");
        HttpResponse<String> two = delete(token, Map.of("project_member_id", ADA, "file_id", Long.toString(f.id()),
                "all_files", "True"));
        assertThat(two.statusCode()).isEqualTo(400);
        assertThat(simulator.files(ADA)).hasSize(1);
    }

    @Test
    void deleteByFileIdLeavesOtherFiles() throws Exception {
        String token = simulator.issueToken(ADA);
        SimulatedFile old = simulator.addFile(ADA, "same.json", META, new byte[] {1});
        SimulatedFile fresh = simulator.addFile(ADA, "same.json", META, new byte[] {2});
        SimulatedFile other = simulator.addFile(ADA, "other.json", META, new byte[] {3});
        HttpResponse<String> deleted = delete(token, Map.of("project_member_id", ADA,
                "file_id", Long.toString(old.id())));
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(deleted.body()).isEqualTo("{\"ids\":[" + old.id() + "]}");
        assertThat(simulator.files(ADA)).extracting(SimulatedFile::id).containsExactly(fresh.id(), other.id());
        assertThat(Files.exists(simulator.path(fresh.id()))).isTrue();

        HttpResponse<String> all = delete(token, Map.of("project_member_id", ADA, "all_files", "True"));
        assertThat(json(all).get("ids")).hasSize(2);
        assertThat(simulator.files(ADA)).isEmpty();
    }

    @Test
    void deleteForAnotherMemberIs400() throws Exception {
        String token = simulator.issueToken(ADA);
        HttpResponse<String> wrong = delete(token, Map.of("project_member_id", "1234", "all_files", "True"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).isEqualTo("{\"project_member_id\":\"project_member_id is invalid\"}");
    }

    // ------------------------------------------------------------------ download

    @Test
    void downloadUrlRedirectsToTheBytes() throws Exception {
        String token = simulator.issueToken(BEN);
        byte[] content = "{\"hello\":\"world\"}".getBytes(StandardCharsets.UTF_8);
        simulator.addFile(BEN, "dl.json", META, content);
        JsonNode member = json(openHumans.exchangeMember(token));
        String downloadUrl = member.get("data").get(0).get("download_url").asText();

        HttpResponse<String> redirect = openHumans.get(pathAndQuery(downloadUrl), null);
        assertThat(redirect.statusCode()).isEqualTo(302);
        String location = redirect.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/sandbox/openhumans/storage/").contains("/dl.json?");

        HttpResponse<byte[]> bytes = openHumans.send(HttpRequest.newBuilder(openHumans.local(pathAndQuery(location)))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(bytes.statusCode()).isEqualTo(200);
        assertThat(bytes.body()).isEqualTo(content);
        assertThat(bytes.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");

        HttpResponse<String> wrongKey = openHumans.get(pathAndQuery(downloadUrl).replaceAll("key=.*", "key=guess"),
                null);
        assertThat(wrongKey.statusCode()).isEqualTo(404);
        assertThat(simulator.callCount("download")).isEqualTo(2);
    }

    // ------------------------------------------------------------------ auth

    @Test
    void invalidTokenIs401() throws Exception {
        HttpResponse<String> invalid = openHumans.exchangeMember("nope");
        assertThat(invalid.statusCode()).isEqualTo(401);
        assertThat(invalid.body()).isEqualTo("{\"detail\":\"Invalid token.\"}");

        String token = simulator.issueToken(ADA);
        assertThat(openHumans.get("/api/direct-sharing/project/exchange-member/", token).statusCode()).isEqualTo(200);
        simulator.expireAccessToken(token);
        HttpResponse<String> expired = openHumans.get("/api/direct-sharing/project/exchange-member/", token);
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.body()).isEqualTo("{\"detail\":\"Expired token.\"}");

        HttpResponse<String> missing = openHumans.get("/api/direct-sharing/project/exchange-member/", null);
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.body()).isEqualTo("{\"detail\":\"Authentication credentials were not provided.\"}");
    }

    // ------------------------------------------------------------------ helpers

    private HttpResponse<String> decide(String decision, String member, String state) throws Exception {
        return decide(decision, member, state, redirect);
    }

    private HttpResponse<String> decide(String decision, String member, String state, String redirectUri)
            throws Exception {
        return openHumans.post("/direct-sharing/projects/oauth2/authorize/", form(Map.of("client_id",
                SandboxClients.OPEN_HUMANS_CLIENT_ID, "redirect_uri", redirectUri, "state", state,
                "project_member_id", member, "decision", decision)), null);
    }

    private HttpResponse<String> complete(String token, String member, long fileId) throws Exception {
        return openHumans.post("/api/direct-sharing/project/files/upload/complete/?access_token=" + token,
                form(Map.of("project_member_id", member, "file_id", Long.toString(fileId))), null);
    }

    private HttpResponse<String> delete(String token, Map<String, String> fields) throws Exception {
        return openHumans.post("/api/direct-sharing/project/files/delete/?access_token=" + token, form(fields), null);
    }

    private HttpResponse<String> tokenBasic(Map<String, String> fields) throws Exception {
        return openHumans.token(SandboxClients.OPEN_HUMANS_CLIENT_SECRET, form(fields));
    }
}
