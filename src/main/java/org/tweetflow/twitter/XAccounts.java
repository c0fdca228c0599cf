package org.tweetflow.twitter;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;
import org.tweetflow.TweetflowExchange;
import org.tweetflow.http.HttpTarget;

/**
 * The steps of the {@code identify-x-account} and {@code revoke-x-token} routes: who the member connected (under
 * the same budget and answer checks as every call to X), and giving the token back when they disconnect.
 */
@Component("xAccounts")
public class XAccounts {

    public static final String USERS_ME = "users/me";

    private final XRequests requests;
    private final XEndpoints endpoints;
    private final ObjectMapper mapper;

    public XAccounts(XRequests requests, XEndpoints endpoints, ObjectMapper mapper) {
        this.requests = requests;
        this.endpoints = endpoints;
        this.mapper = mapper;
    }

    public void identify(Exchange exchange) {
        exchange.setProperty(TweetflowExchange.X_CALL, XCall.of(exchange, USERS_ME, requests.me()));
    }

    /** X wraps the user in {@code data}. */
    public XAccount account(Exchange exchange) throws IOException {
        JsonNode user = mapper.readTree(exchange.getMessage().getBody(String.class)).path("data");
        if (!user.hasNonNull("id")) {
            throw new XApiException.Rejected("X answered users/me without a user");
        }
        return new XAccount(user.path("id").asText(), user.path("username").asText(), user.path("name").asText(),
                user.hasNonNull("created_at") ? Instant.parse(user.path("created_at").asText()) : null);
    }

    /** Revokes the token in the {@code ACCESS_TOKEN} property (the refresh token, which outlives the access token). */
    public void revoke(Exchange exchange) {
        Message message = exchange.getMessage();
        HttpTarget.set(message, "POST", endpoints.revokeUrl().toString());
        String client = endpoints.clientId() + ":" + endpoints.clientSecret();
        message.setHeader("Authorization",
                "Basic " + Base64.getEncoder().encodeToString(client.getBytes(StandardCharsets.UTF_8)));
        message.setHeader(Exchange.CONTENT_TYPE, "application/x-www-form-urlencoded");
        message.setBody("token=" + URLEncoder.encode(
                exchange.getProperty(TweetflowExchange.ACCESS_TOKEN, String.class), StandardCharsets.UTF_8));
    }

    public void revoked(Exchange exchange) {
        Message message = exchange.getMessage();
        HttpTarget.forgetToken(message);
        int status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        if (status != 200) {
            throw new XApiException.Rejected("X answered " + status + " to the token revocation");
        }
    }
}
