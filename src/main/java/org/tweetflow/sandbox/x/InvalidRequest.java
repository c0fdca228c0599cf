package org.tweetflow.sandbox.x;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The broken rules of one request, answered in X's invalid-request envelope. X checks every parameter and reports
 * all problems of a request at once, so the checks add here and the endpoint answers once at the end.
 */
final class InvalidRequest {

    static final String TYPE = "https://api.twitter.com/2/problems/invalid-request";

    private final List<Map<String, Object>> errors = new ArrayList<>();

    void add(String parameter, String value, String message) {
        add(Map.of(parameter, List.of(value)), message);
    }

    void add(Map<String, List<String>> parameters, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("parameters", parameters);
        error.put("message", message);
        errors.add(error);
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    /** X's 400 body: {"errors":[{"parameters":{...},"message":...}],"title":...,"detail":...,"type":...}. */
    ResponseEntity<Object> answer() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errors", List.copyOf(errors));
        body.put("title", "Invalid Request");
        body.put("detail", "One or more parameters to your request was invalid.");
        body.put("type", TYPE);
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
