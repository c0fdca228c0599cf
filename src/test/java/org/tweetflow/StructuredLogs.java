package org.tweetflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;

/**
 * A log line as the console writes it in production: Spring Boot's structured encoder in the format the production
 * overlay sets ({@code LOGGING_STRUCTURED_FORMAT_CONSOLE} in k8s/overlays/production/config.env), with the service's
 * settings.
 */
public final class StructuredLogs {

    static final Path PRODUCTION_CONFIG = Path.of("k8s", "overlays", "production", "config.env");
    static final String SETTING = "LOGGING_STRUCTURED_FORMAT_CONSOLE=";

    private final StructuredLogEncoder encoder = new StructuredLogEncoder();

    private StructuredLogs(String format, Environment environment) {
        LoggerContext context = new LoggerContext();
        context.putObject(Environment.class.getName(), environment);
        encoder.setContext(context);
        encoder.setFormat(format);
        encoder.start();
    }

    /** In the production overlay's format. */
    public static StructuredLogs production(Environment environment) {
        try {
            String format = Files.readAllLines(PRODUCTION_CONFIG).stream().filter(line -> line.startsWith(SETTING))
                    .map(line -> line.substring(SETTING.length())).findFirst()
                    .orElseThrow(() -> new AssertionError(PRODUCTION_CONFIG + " sets no " + SETTING));
            return new StructuredLogs(format, environment);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String encode(ILoggingEvent event) {
        return new String(encoder.encode(event), StandardCharsets.UTF_8);
    }
}
