package app.domus.shared.observability.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logback's configuration for every function, in code rather than XML (found by logback through
 * {@code META-INF/services}): JSON lines to stdout, the platform's loggers at {@code POWERTOOLS_LOG_LEVEL} (INFO by
 * default), the AWS SDK and everything else at WARN. Parsing no XML and scanning no plugins is what makes this start in
 * tens of milliseconds where the XML-configured Log4j 2 took hundreds.
 */
public final class LoggingSetup extends ContextAwareBase implements Configurator {
    @Override
    public ExecutionStatus configure(LoggerContext context) {
        JsonLogEncoder encoder = new JsonLogEncoder();
        encoder.setContext(context);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stdout = new ConsoleAppender<>();
        stdout.setContext(context);
        stdout.setName("json");
        stdout.setEncoder(encoder);
        stdout.start();
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stdout);
        context.getLogger("app.domus").setLevel(Level.toLevel(System.getenv("POWERTOOLS_LOG_LEVEL"), Level.INFO));
        context.getLogger("software.amazon.awssdk").setLevel(Level.WARN);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
