package org.tweetflow.sandbox.x;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tweetflow.sandbox.SandboxHttp.json;

import java.io.IOException;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** X's answer to a request it refuses: 400 with its invalid-request envelope, as X documents and sends it. */
final class XRefusal {

    private XRefusal() {
    }

    /**
     * The whole body of X's refusal of one value of one parameter: {"errors":[{"parameters":{name:[value]},
     * "message":...}],"title":"Invalid Request","detail":...,"type":".../invalid-request"}.
     */
    static JsonNode invalidRequest(String parameter, String value, String message) {
        ObjectNode error = JsonNodeFactory.instance.objectNode();
        error.putObject("parameters").putArray(parameter).add(value);
        error.put("message", message);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putArray("errors").add(error);
        body.put("title", "Invalid Request");
        body.put("detail", "One or more parameters to your request was invalid.");
        body.put("type", "https://api.twitter.com/2/problems/invalid-request");
        return body;
    }

    /** Asserts that the answer is a 400 reporting exactly one error, and gives that error's message. */
    static String refusalMessage(HttpResponse<String> answer) throws IOException {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(json(answer).path("errors")).as(answer.body()).hasSize(1);
        return json(answer).at("/errors/0/message").asText();
    }
}
