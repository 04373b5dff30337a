package app.domus.shared.observability.logging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import software.amazon.lambda.powertools.logging.internal.LoggingManager;

/**
 * Powertools' hook to read and change log levels (its {@code POWERTOOLS_LOG_LEVEL} and sampling), for Logback. Where
 * another SLF4J back end runs (the local cloud keeps Log4j 2 for itself and the emulators), it does nothing.
 */
public final class LogbackLoggingManager implements LoggingManager {
    private static final boolean LOGBACK = present("ch.qos.logback.classic.LoggerContext");

    @Override
    public void setLogLevel(Level level) {
        if (!LOGBACK || !(LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context)) return;
        ch.qos.logback.classic.Level logback = ch.qos.logback.classic.Level.toLevel(level.toString());
        context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(logback);
        context.getLoggerList().forEach(logger -> {
            if (logger.getLevel() != null) logger.setLevel(logback);
        });
    }

    @Override
    public Level getLogLevel(Logger logger) {
        if (!LOGBACK || !(LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context)) return Level.INFO;
        return Level.valueOf(context.getLogger(logger.getName()).getEffectiveLevel().toString());
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, LogbackLoggingManager.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
