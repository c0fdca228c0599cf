package org.tweetflow.web;

import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.tweetflow.collect.CollectionLimitException;
import org.tweetflow.collect.CollectionStateException;
import org.tweetflow.collect.InvalidCollectionException;

/**
 * Every error of the collections' JSON API as RFC 9457 (formerly 7807) problem details, the reason in {@code detail}:
 * what Spring MVC refuses (a body that is not JSON, a value of the wrong type, an empty body, a missing parameter)
 * as well as what tweetflow refuses. Errors outside a controller (sign-in, CSRF, a refused address, a body too large)
 * get the same shape from ErrorPages. {@code error} repeats {@code detail} for scripts written before.
 */
@RestControllerAdvice(assignableTypes = CollectionsApiController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

    @ExceptionHandler(InvalidCollectionException.class)
    ResponseEntity<Object> refused(InvalidCollectionException invalid) {
        return problem(HttpStatus.BAD_REQUEST, invalid.getMessage());
    }

    /** A member's limit (TweetflowProperties.Collect): 429, with Retry-After when waiting is what helps. */
    @ExceptionHandler(CollectionLimitException.class)
    ResponseEntity<Object> tooMany(CollectionLimitException limit) {
        ResponseEntity<Object> problem = problem(HttpStatus.TOO_MANY_REQUESTS, limit.getMessage());
        return limit.retryAfter().<ResponseEntity<Object>>map(wait -> ResponseEntity.status(problem.getStatusCode())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(wait.toSeconds()))
                .body(problem.getBody())).orElse(problem);
    }

    @ExceptionHandler(CollectionStateException.class)
    ResponseEntity<Object> conflicting(CollectionStateException conflict) {
        return problem(HttpStatus.CONFLICT, conflict.getMessage());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException unreadable,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (unreadable.getMostSpecificCause() instanceof JsonBodyLimit.TooLarge tooLarge) {
            return problem(HttpStatus.PAYLOAD_TOO_LARGE, tooLarge.getMessage());
        }
        return problem(HttpStatus.BAD_REQUEST, reason(unreadable));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException mismatch, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return problem(HttpStatus.BAD_REQUEST, ProblemPage.notANumber(mismatch));
    }

    /** Every problem this class answers, Spring's included, also says its reason as {@code error}. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            problem.setProperty("error", problem.getDetail());
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String reason) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, reason);
        problem.setProperty("error", reason);
        return ResponseEntity.status(status).body(problem);
    }

    /** Why the body could not be read, in the request's terms: the field and what it takes, or where the JSON broke. */
    private static String reason(HttpMessageNotReadableException unreadable) {
        Throwable cause = unreadable.getCause();
        if (cause == null) {
            return "the body is empty: send a JSON object such as {\"query\":\"#climate\"}";
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = "'" + mapping.getPath().stream().map(ApiProblems::step).collect(Collectors.joining("."))
                    + "'";
            if (mapping instanceof InvalidFormatException invalid) {
                return field + " takes " + kind(invalid.getTargetType()) + ", not " + shown(invalid.getValue());
            }
            return mapping instanceof MismatchedInputException mismatched
                    ? field + " takes " + kind(mismatched.getTargetType())
                    : field + " could not be read: " + original(unreadable.getMostSpecificCause());
        }
        if (cause instanceof MismatchedInputException) {
            return "the body must be a JSON object such as {\"query\":\"#climate\"}";
        }
        if (cause instanceof JsonProcessingException broken) {
            return "the body is not valid JSON"
                    + (broken.getLocation() == null ? "" : " (line " + broken.getLocation().getLineNr() + ", column "
                    + broken.getLocation().getColumnNr() + ")")
                    + ": " + broken.getOriginalMessage();
        }
        return "the body could not be read";
    }

    private static String original(Throwable cause) {
        return cause instanceof JsonProcessingException json ? json.getOriginalMessage() : "not a value of its kind";
    }

    private static String step(JsonMappingException.Reference reference) {
        return reference.getFieldName() != null ? reference.getFieldName() : Integer.toString(reference.getIndex());
    }

    private static String kind(Class<?> type) {
        if (type == null) {
            return "another kind of value";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        return type == String.class ? "text" : "a JSON object";
    }

    /** The value sent, quoted as JSON would, and cut short: it is the client's own text, echoed in a JSON string. */
    private static String shown(Object value) {
        String text = String.valueOf(value);
        String cut = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return value instanceof String ? "\"" + cut + "\"" : cut;
    }
}
