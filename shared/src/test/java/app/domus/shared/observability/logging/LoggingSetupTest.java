package app.domus.shared.observability.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;

/** Every function logs JSON lines to stdout: the platform at POWERTOOLS_LOG_LEVEL (INFO by default), the rest at WARN. */
class LoggingSetupTest {
    @Test
    void configuresJsonToStdoutAndTheLevels() {
        LoggerContext context = new LoggerContext();
        assertThat(new LoggingSetup().configure(context)).isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        var root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("app.domus").getLevel()).isEqualTo(Level.toLevel(System.getenv("POWERTOOLS_LOG_LEVEL"), Level.INFO));
        assertThat(context.getLogger("software.amazon.awssdk").getLevel()).isEqualTo(Level.WARN);
        var appender = root.getAppender("json");
        assertThat(appender).isInstanceOf(ConsoleAppender.class);
        assertThat(appender.isStarted()).isTrue();
        ConsoleAppender<?> console = (ConsoleAppender<?>) appender;
        assertThat(console.getTarget()).isEqualTo("System.out");
        assertThat(console.getEncoder()).isInstanceOf(JsonLogEncoder.class);
        assertThat(console.getEncoder().isStarted()).isTrue();
        assertThat(console.getEncoder().getContext()).isSameAs(context);
        assertThat(appender.getContext()).isSameAs(context);
    }
}
