package org.tweetflow;

import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/**
 * The events some classes log while a test runs, with their MDC (what a console line only shows in JSON): attached to
 * their loggers until closed.
 */
public final class LogLines implements AutoCloseable {

    private final List<Logger> loggers;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private LogLines(List<Logger> loggers) {
        this.loggers = loggers;
        appender.start();
        loggers.forEach(logger -> logger.addAppender(appender));
    }

    public static LogLines of(Class<?>... classes) {
        return new LogLines(Arrays.stream(classes).map(c -> (Logger) LoggerFactory.getLogger(c)).toList());
    }

    /** Every logger's events (the root logger's appenders see them all). */
    public static LogLines everything() {
        return new LogLines(List.of((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)));
    }

    /** The events whose message, formatted, starts so. */
    public List<ILoggingEvent> startingWith(String prefix) {
        return matching(event -> event.getFormattedMessage().startsWith(prefix));
    }

    public List<ILoggingEvent> matching(Predicate<ILoggingEvent> which) {
        synchronized (appender.list) {
            return appender.list.stream().filter(which).toList();
        }
    }

    @Override
    public void close() {
        loggers.forEach(logger -> logger.detachAppender(appender));
        appender.stop();
    }
}
