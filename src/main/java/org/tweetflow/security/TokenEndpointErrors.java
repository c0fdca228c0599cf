package org.tweetflow.security;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.http.converter.OAuth2ErrorHttpMessageConverter;
import org.springframework.web.client.ResponseErrorHandler;

/**
 * Reads a token endpoint's error answer as an OAuth 2.0 error also when it comes with 401. Spring Security's
 * handler reads only a 400's body (RFC 6749 5.2); Open Humans answers a refused refresh token with 401
 * {@code invalid_grant}, which it would turn into an unspecific {@code invalid_token_response}, so a member whose
 * access was withdrawn would not be told to reconnect.
 */
final class TokenEndpointErrors implements ResponseErrorHandler {

    private final OAuth2ErrorResponseErrorHandler oauth2 = new OAuth2ErrorResponseErrorHandler();
    private final OAuth2ErrorHttpMessageConverter errors = new OAuth2ErrorHttpMessageConverter();

    @Override
    public boolean hasError(ClientHttpResponse response) throws IOException {
        return oauth2.hasError(response);
    }

    @Override
    public void handleError(ClientHttpResponse response) throws IOException {
        if (response.getStatusCode().value() != HttpStatus.UNAUTHORIZED.value()) {
            oauth2.handleError(response);
            return;
        }
        OAuth2Error error;
        try {
            error = errors.read(OAuth2Error.class, response);
        } catch (HttpMessageNotReadableException notOAuth) {
            error = null;
        }
        if (error == null || error.getErrorCode() == null) {
            error = new OAuth2Error("invalid_token_response", "401 from the token endpoint without an OAuth 2.0 error",
                    null);
        }
        throw new OAuth2AuthorizationException(error);
    }
}
