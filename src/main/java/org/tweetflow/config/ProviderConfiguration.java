package org.tweetflow.config;

import java.net.URI;
import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tweetflow.openhumans.OpenHumansEndpoints;
import org.tweetflow.sandbox.SandboxClients;
import org.tweetflow.twitter.XEndpoints;

/** Resolves the two providers' endpoints: explicit settings win, then the sandbox, then the real services. */
@Configuration(proxyBeanMethods = false)
public class ProviderConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    XEndpoints xEndpoints(TweetflowProperties properties) {
        TweetflowProperties.Twitter x = properties.twitter();
        boolean sandbox = properties.sandboxEnabled();
        URI api = x.apiUrl() != null ? x.apiUrl()
                : sandbox ? under(properties.publicUrl(), SandboxClients.X_PATH) : URI.create("https://api.x.com");
        URI authorize = x.authorizeUrl() != null ? x.authorizeUrl()
                : sandbox ? under(api, "/i/oauth2/authorize") : URI.create("https://x.com/i/oauth2/authorize");
        URI token = x.tokenUrl() != null ? x.tokenUrl() : under(api, "/2/oauth2/token");
        return new XEndpoints(api, authorize, token, under(api, "/2/oauth2/revoke"),
                sandbox ? SandboxClients.X_CLIENT_ID : x.clientId(),
                sandbox ? SandboxClients.X_CLIENT_SECRET : x.clientSecret(),
                x.bearerToken());
    }

    @Bean
    OpenHumansEndpoints openHumansEndpoints(TweetflowProperties properties) {
        TweetflowProperties.OpenHumans oh = properties.openhumans();
        boolean sandbox = properties.sandboxEnabled();
        URI base = oh.url() != null ? oh.url()
                : sandbox ? under(properties.publicUrl(), SandboxClients.OPEN_HUMANS_PATH)
                : URI.create("https://www.openhumans.org");
        return new OpenHumansEndpoints(base,
                sandbox ? SandboxClients.OPEN_HUMANS_CLIENT_ID : oh.clientId(),
                sandbox ? SandboxClients.OPEN_HUMANS_CLIENT_SECRET : oh.clientSecret());
    }

    private static URI under(URI base, String path) {
        return URI.create(base.toString().replaceAll("/+$", "") + path);
    }
}
