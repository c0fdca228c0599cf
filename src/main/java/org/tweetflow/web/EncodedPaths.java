package org.tweetflow.web;

import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Tomcat passes an encoded {@code /} or {@code \} in a path ({@code ..%2f}) on undecoded instead of refusing it
 * itself with its own HTML page: Spring Security's firewall then refuses it (400), and ErrorPages answers as the
 * rest of the site does, problem details under {@code /api/}. Nothing decodes them on the way, so they never
 * separate path segments.
 */
@Component
class EncodedPaths implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> {
            connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
            connector.setEncodedReverseSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
        });
    }
}
