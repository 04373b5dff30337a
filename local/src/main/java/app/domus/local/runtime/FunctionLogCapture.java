package app.domus.local.runtime;

import java.time.Instant;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Keeps the platform's log events with the invocation that wrote them. Every function shares the local cloud's JVM and
 * logs through its Log4j configuration (to standard out); this appender, added beside the configured ones, hands each
 * event written on an invocation's thread to that {@link Invocation}, so the console can show a failed request's lines.
 */
public final class FunctionLogCapture extends AbstractAppender {
    private static final String NAME = "domus-local-function-logs";

    private FunctionLogCapture() {
        super(NAME, null, null, true, Property.EMPTY_ARRAY);
    }

    /** Adds the appender to the root logger once per logging context; later calls find it there. */
    public static synchronized void install() {
        if (!(LogManager.getContext(false) instanceof LoggerContext context)) return;
        Configuration configuration = context.getConfiguration();
        if (configuration.getAppender(NAME) != null) return;
        Appender appender = new FunctionLogCapture();
        appender.start();
        configuration.addAppender(appender);
        LoggerConfig root = configuration.getRootLogger();
        root.addAppender(appender, Level.ALL, null);
        // A logger configured not to pass its events on to the root's appenders gets the appender itself.
        configuration.getLoggers().values().stream().filter(logger -> logger != root && !logger.isAdditive())
                .forEach(logger -> logger.addAppender(appender, Level.ALL, null));
        context.updateLoggers();
    }

    @Override
    public void append(LogEvent event) {
        if (Invocation.current() == null) return;
        String line = Instant.ofEpochMilli(event.getTimeMillis()) + " " + event.getLevel() + " " + shortName(event.getLoggerName())
                + " - " + event.getMessage().getFormattedMessage()
                + (event.getThrown() == null ? "" : " (" + event.getThrown() + ")");
        Invocation.logOnCurrent(line, event.getContextData().getValue("correlation_id"));
    }

    private static String shortName(String loggerName) {
        return loggerName == null ? "" : loggerName.substring(loggerName.lastIndexOf('.') + 1);
    }
}
