package org.tweetflow.ops;

import java.security.Principal;
import java.util.Map;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;
import org.tweetflow.TweetflowExchange;

/** Runs an operator's action (a route of {@code ops-actions.camel.yaml}) in the name of the ops account that asked. */
@Component
class OpsRoutes {

    private final ProducerTemplate camel;

    OpsRoutes(ProducerTemplate camel) {
        this.camel = camel;
    }

    <T> T run(String route, Object body, Principal who, Class<T> result) {
        return run(route, body, who, Map.of(), result);
    }

    /** @param properties the exchange properties the route reads besides its body */
    <T> T run(String route, Object body, Principal who, Map<String, Object> properties, Class<T> result) {
        Exchange done = camel.send(route, exchange -> {
            exchange.getMessage().setBody(body);
            exchange.setProperty(TweetflowExchange.OPS_ACCOUNT, who.getName());
            properties.forEach(exchange::setProperty);
        });
        if (done.getException() != null) {
            throw new CamelExecutionException(route + " failed", done, done.getException());
        }
        return done.getMessage().getBody(result);
    }
}
