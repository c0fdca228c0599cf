package org.tweetflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.tweetflow.TweetflowTest;
import org.tweetflow.collect.Collections;
import org.tweetflow.member.Member;

/**
 * Every error of the JSON API is problem details (application/problem+json) with its reason in {@code detail}:
 * what Spring refuses, what tweetflow refuses, and what is refused before any controller (sign-in, CSRF, an encoded
 * path, a body too large), the latter asked of the running server as a script would.
 */
@TweetflowTest
@AutoConfigureMockMvc
class ApiErrorsTest {

    static final int MAX_JSON_BODY = 16 * 1024;
    static final String PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    @Autowired
    MockMvc mvc;
    @Autowired
    Researchers researchers;
    @Autowired
    Collections collections;
    @Autowired
    ObjectMapper mapper;
    @Value("${server.port}")
    int port;

    Member ada;

    @BeforeEach
    void aMember() {
        ada = researchers.connected("10000001");
    }

    @AfterEach
    void forget() {
        researchers.forgetAll();
    }

    @Test
    void malformedJsonIsA400SayingWhereItBroke() throws Exception {
        problem(create("{\"query\": \"#climate\",}"), 400)
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith(
                        "the body is not valid JSON (line 1, column 22): Unexpected character ('}'")))
                .andExpect(jsonPath("$.title").value("Bad Request"));
        assertThat(collections.of(ada.id())).isEmpty();
    }

    @Test
    void aValueOfTheWrongTypeNamesTheFieldAndWhatItTakes() throws Exception {
        problem(create("{\"query\":\"#climate\",\"max_count\":\"lots\"}"), 400)
                .andExpect(jsonPath("$.detail").value("'max_count' takes a whole number, not \"lots\""));
        problem(create("{\"query\":\"#climate\",\"max_count\":10000000000}"), 400)
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith(
                        "'max_count' could not be read: Numeric value (10000000000) out of range of int")));
        problem(create("[\"#climate\"]"), 400).andExpect(jsonPath("$.detail")
                .value("the body must be a JSON object such as {\"query\":\"#climate\"}"));
    }

    @Test
    void anEmptyBodyIsA400SayingWhatToSend() throws Exception {
        problem(create(""), 400)
                .andExpect(jsonPath("$.detail").value("the body is empty: send a JSON object such as "
                        + "{\"query\":\"#climate\"}"));
    }

    @Test
    void aMissingParameterIsA400NamingIt() throws Exception {
        problem(mvc.perform(get("/api/collections/compare").with(SignedIn.as(ada))), 400)
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("'ids'")));
    }

    @Test
    void anIdThatIsNotANumberIsA400() throws Exception {
        problem(mvc.perform(get("/api/collections/twelve").with(SignedIn.as(ada))), 400)
                .andExpect(jsonPath("$.detail").value("'id' takes whole numbers, not 'twelve'"));
    }

    @Test
    void tweetflowsOwnRefusalsAreProblemsToo() throws Exception {
        problem(create("{\"query\":\"   \"}"), 400).andExpect(jsonPath("$.detail").value("the query is empty"))
                .andExpect(jsonPath("$.error").value("the query is empty"));
        problem(mvc.perform(get("/api/collections/{id}", 404404).with(SignedIn.as(ada))), 404)
                .andExpect(jsonPath("$.detail").value("no collection 404404 of yours or published"));
    }

    @Test
    void aBodyAnnouncedLargerThanTheBoundIsRefusedWith413BeforeItIsRead() throws Exception {
        String large = "{\"query\":\"" + "a".repeat(MAX_JSON_BODY) + "\"}";

        var result = mvc.perform(post("/api/collections").with(SignedIn.as(ada)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(large)).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(413);
        assertThat(result.getResponse().getErrorMessage())
                .isEqualTo("the body is larger than the 16384 bytes the API reads");
        assertThat(collections.of(ada.id())).isEmpty();
    }

    @Test
    void aBodySentWithoutItsLengthIsCutOffOnceItPassesTheBound() throws Exception {
        byte[] large = ("{\"query\":\"" + "a".repeat(MAX_JSON_BODY) + "\"}").getBytes(StandardCharsets.UTF_8);

        problem(mvc.perform(context -> {
            MockHttpServletRequest chunked = new MockHttpServletRequest(context, "POST", "/api/collections") {
                @Override
                public long getContentLengthLong() {
                    return -1;
                }

                @Override
                public int getContentLength() {
                    return -1;
                }
            };
            chunked.setContentType(MediaType.APPLICATION_JSON_VALUE);
            chunked.setContent(large);
            return csrf().postProcessRequest(SignedIn.as(ada).postProcessRequest(chunked));
        }), 413).andExpect(jsonPath("$.detail").value("the body is larger than the 16384 bytes the API reads"));
        assertThat(collections.of(ada.id())).isEmpty();
    }

    @Test
    void aRequestThatChangesSomethingWithoutItsCsrfTokenSaysWhichHeaderItNeeds() throws Exception {
        var refused = mvc.perform(post("/api/collections").with(SignedIn.as(ada))
                .contentType(MediaType.APPLICATION_JSON).content("{\"query\":\"#climate\"}")).andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(403);
        assertThat(refused.getResponse().getErrorMessage()).contains("X-CSRF-TOKEN");

        JsonNode token = mapper.readTree(mvc.perform(get("/api/csrf").with(SignedIn.as(ada)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(token.path("header").asText()).isEqualTo("X-CSRF-TOKEN");
        assertThat(token.path("token").asText()).isNotBlank();
    }

    @Test
    void anEncodedDotDotSlashInAFileNameIsAProblemUnderTheApi() throws Exception {
        for (String name : new String[] {"%2e%2e%2fsecret", "..%2fsecret", "..%5csecret", "%2e%2e"}) {
            HttpResponse<String> answer = fromServer("/api/collections/1/files/" + name, "*/*");

            assertThat(answer.statusCode()).as(name).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type")).as(name).hasValue(PROBLEM_JSON);
            assertThat(mapper.readTree(answer.body()).path("detail").asText()).as(name)
                    .startsWith("the address was refused: an encoded '/'");
        }
    }

    @Test
    void anEncodedDotDotSlashOnAPageIsTheSitesErrorPage() throws Exception {
        HttpResponse<String> answer = fromServer("/collections/1/files/..%2fsecret", "text/html");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(answer.body()).getElementById("problem-title").text())
                .isEqualTo("Not understood");
        assertThat(answer.body()).doesNotContain("Apache Tomcat");
    }

    @Test
    void withoutASessionTheApiAnswersAProblemNotAnEmpty401EvenToABrowser() throws Exception {
        HttpResponse<String> answer = fromServer("/api/collections", "text/html,*/*");

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue(PROBLEM_JSON + ";charset=UTF-8");
        assertThat(mapper.readTree(answer.body()).path("detail").asText())
                .isEqualTo("sign in first: send the session cookie of a signed-in browser");
    }

    @Test
    void aPostWithoutCsrfTokenIsAProblemNamingTheHeader() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/collections")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"#climate\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(mapper.readTree(answer.body()).path("detail").asText()).contains("X-CSRF-TOKEN");
    }

    private HttpResponse<String> fromServer(String path, String accept) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
    }

    private ResultActions create(String json) throws Exception {
        return mvc.perform(post("/api/collections").with(SignedIn.as(ada)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private static ResultActions problem(ResultActions answer, int status) throws Exception {
        return answer.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status));
    }
}
