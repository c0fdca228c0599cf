package org.tweetflow.twitter;

import java.net.URI;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tweetflow.config.TweetflowProperties;

/** Where X is: the configured URLs, else the real service's; token and revoke hang off the API base. */
@Configuration(proxyBeanMethods = false)
public class XConfiguration {

    private static final URI API = URI.create("https://api.x.com");
    private static final URI AUTHORIZE = URI.create("https://x.com/i/oauth2/authorize");

    @Bean
    XEndpoints xEndpoints(TweetflowProperties properties) {
        TweetflowProperties.Twitter x = properties.twitter();
        URI api = x.apiUrl() != null ? x.apiUrl() : API;
        URI authorize = x.authorizeUrl() != null ? x.authorizeUrl() : AUTHORIZE;
        URI token = x.tokenUrl() != null ? x.tokenUrl() : under(api, "/2/oauth2/token");
        return new XEndpoints(api, authorize, token, under(api, "/2/oauth2/revoke"), x.clientId(), x.clientSecret(),
                x.appTokenConfigured() ? x.bearerToken() : null);
    }

    private static URI under(URI base, String path) {
        return URI.create(base.toString().replaceAll("/+$", "") + path);
    }
}
