package org.tweetflow.web;

import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.json.MappingJackson2JsonView;

/**
 * What an error that no controller answered shows: the site's error page, and under {@code /api/} problem details as
 * ApiProblems writes them, whatever the client accepts. These are the sign-in and CSRF refusals, an address Spring
 * Security's firewall refuses (an encoded {@code /}, {@code \}, {@code .} or {@code %}: Tomcat lets them through to
 * it, see EncodedPaths), a body too large, an unknown address, and failures nobody expected (never their message).
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ErrorPages extends BasicErrorController {

    private final ObjectMapper mapper;

    ErrorPages(ErrorAttributes errorAttributes, ServerProperties server, ObjectProvider<ErrorViewResolver> resolvers,
            ObjectMapper mapper) {
        super(errorAttributes, server.getError(), resolvers.orderedStream().toList());
        this.mapper = mapper;
    }

    @Override
    public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
        if (!underApi(request)) {
            return super.errorHtml(request, response);
        }
        ProblemDetail problem = problem(request);
        response.setStatus(problem.getStatus());
        MappingJackson2JsonView json = new MappingJackson2JsonView(mapper);
        json.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.setModelKeys(Set.of("problem"));
        json.setExtractValueFromSingleKeyModel(true);
        return new ModelAndView(json, Map.of("problem", problem));
    }

    @Override
    @SuppressWarnings("unchecked")
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        if (!underApi(request)) {
            return super.error(request);
        }
        ProblemDetail problem = problem(request);
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(mapper.convertValue(problem, Map.class));
    }

    private static boolean underApi(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri instanceof String path && path.startsWith(request.getContextPath() + "/api/");
    }

    /** The status, and as reason what the refusal said (4xx; never a failure's message) or what the status means. */
    private static ProblemDetail problem(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        String reason = status.is4xxClientError() && message instanceof String said && StringUtils.hasText(said)
                ? said : meaning(status);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, reason);
        problem.setProperty("error", reason);
        return problem;
    }

    private static String meaning(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "the address was refused: an encoded '/', '\\', '.' or '%', or '..', in a path "
                    + "is never served";
            case UNAUTHORIZED -> "sign in first: send the session cookie of a signed-in browser";
            case FORBIDDEN -> "not allowed";
            case NOT_FOUND -> "there is nothing at this address, or it is not yours";
            case METHOD_NOT_ALLOWED -> "this address does not take this method";
            default -> status.is4xxClientError() ? status.getReasonPhrase()
                    : "tweetflow could not answer this request; the failure is logged";
        };
    }
}
