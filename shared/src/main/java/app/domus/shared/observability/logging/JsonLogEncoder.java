package app.domus.shared.observability.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * One JSON object per line with the fields of Powertools' Lambda layout: {@code level}, {@code message}, the
 * {@code error} ({@code message}, {@code name}, {@code stack}) of a logged exception, every MDC entry at the top level
 * (Powertools' {@code cold_start}, {@code function_*}, {@code service}, {@code sampling_rate}, {@code xray_trace_id},
 * and the platform's {@code correlation_id}), and the {@code timestamp}. Written with jackson-core's streaming
 * generator, which starts in milliseconds.
 */
public final class JsonLogEncoder extends EncoderBase<ILoggingEvent> {
    private static final JsonFactory JSON = new JsonFactory();
    private static final Set<String> BOOLEANS = Set.of("cold_start");
    private static final Set<String> NUMBERS = Set.of("function_memory_size", "sampling_rate");

    @Override
    public byte[] headerBytes() {
        return null;
    }

    @Override
    public byte[] footerBytes() {
        return null;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        try (JsonGenerator json = JSON.createGenerator(line)) {
            json.writeStartObject();
            json.writeStringField("level", event.getLevel().toString());
            json.writeStringField("message", event.getFormattedMessage());
            IThrowableProxy error = event.getThrowableProxy();
            if (error != null) {
                json.writeObjectFieldStart("error");
                json.writeStringField("message", error.getMessage());
                json.writeStringField("name", error.getClassName());
                json.writeStringField("stack", ThrowableProxyUtil.asString(error));
                json.writeEndObject();
            }
            for (Map.Entry<String, String> entry : event.getMDCPropertyMap().entrySet()) {
                writeTyped(json, entry.getKey(), entry.getValue());
            }
            json.writeStringField("timestamp", Instant.ofEpochMilli(event.getTimeStamp()).toString());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        line.write('\n');
        return line.toByteArray();
    }

    /** Powertools' layout writes these as a boolean and as numbers; the MDC holds them as text. */
    private static void writeTyped(JsonGenerator json, String name, String value) throws IOException {
        if (value != null && BOOLEANS.contains(name) && (value.equals("true") || value.equals("false"))) {
            json.writeBooleanField(name, Boolean.parseBoolean(value));
            return;
        }
        if (value != null && NUMBERS.contains(name)) {
            try {
                json.writeFieldName(name);
                json.writeNumber(new java.math.BigDecimal(value));
                return;
            } catch (NumberFormatException notANumber) {
                json.writeString(value);
                return;
            }
        }
        json.writeStringField(name, value);
    }
}
