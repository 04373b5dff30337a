package app.domus.shared.observability;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.shared.json.Json;
import app.domus.shared.observability.logging.JsonLogEncoder;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Log lines keep the fields (and types) of Powertools' Lambda JSON layout. */
class JsonLogEncoderTest {
    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final JsonLogEncoder encoder = new JsonLogEncoder();

    private JsonNode encode(LoggingEvent event) {
        String line = new String(encoder.encode(event), StandardCharsets.UTF_8);
        assertThat(line).endsWith("\n").doesNotContain("\n{");
        return Json.tree(line);
    }

    @Test
    void aLineCarriesLevelMessageTheLambdaContextAndTheCorrelationIdTyped() {
        LoggingEvent event = new LoggingEvent("x", context.getLogger("app.domus.Test"), Level.INFO, "Published {} {}", null,
                new Object[] {"FaultReported", "01J"});
        event.setMDCPropertyMap(Map.of("cold_start", "true", "function_memory_size", "1024", "function_name", "ReportFault",
                "correlation_id", "c-123", "sampling_rate", "0.1"));
        event.setTimeStamp(1_795_370_400_123L);

        JsonNode line = encode(event);

        assertThat(line.path("level").asText()).isEqualTo("INFO");
        assertThat(line.path("message").asText()).isEqualTo("Published FaultReported 01J");
        assertThat(line.path("cold_start").isBoolean()).isTrue();
        assertThat(line.path("cold_start").asBoolean()).isTrue();
        assertThat(line.path("function_memory_size").isNumber()).isTrue();
        assertThat(line.path("function_memory_size").asInt()).isEqualTo(1024);
        assertThat(line.path("sampling_rate").asDouble()).isEqualTo(0.1);
        assertThat(line.path("function_name").asText()).isEqualTo("ReportFault");
        assertThat(line.path("correlation_id").asText()).isEqualTo("c-123");
        assertThat(line.path("timestamp").asText()).isEqualTo("2026-11-22T18:00:00.123Z");
        assertThat(line.has("error")).isFalse();
    }

    @Test
    void anExceptionBecomesTheErrorObjectWithItsStack() {
        LoggingEvent event = new LoggingEvent("x", context.getLogger("app.domus.Test"), Level.ERROR, "failed \"quoted\"",
                new IllegalStateException("table gone"), null);

        JsonNode line = encode(event);

        assertThat(line.path("message").asText()).isEqualTo("failed \"quoted\"");
        assertThat(line.path("error").path("name").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(line.path("error").path("message").asText()).isEqualTo("table gone");
        assertThat(line.path("error").path("stack").asText()).contains("JsonLogEncoderTest");
    }

    @Test
    void theFunctionsLoggingIsConfiguredInCodeAtTheLevelsOfThePlatform() {
        assertThat(context.getLogger("app.domus.anything").getEffectiveLevel()).isEqualTo(Level.INFO);
        assertThat(context.getLogger("software.amazon.awssdk.core").getEffectiveLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("org.eclipse.jetty").getEffectiveLevel()).isEqualTo(Level.WARN);
    }
}
