package app.domus.shared.observability;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * Structured logging and metrics through Powertools' functional API (no AspectJ weaving). Every
 * invocation runs inside {@link #invocation}, which adds the Lambda context to each log line and
 * carries the correlation id that came with the HTTP request or the event.
 */
public final class Observability {
    public static final String CORRELATION_ID = "correlation_id";
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{8,100}");

    private Observability() {}

    public static <T> T invocation(Context context, String correlationId, Supplier<T> work) {
        return PowertoolsLogging.withLogging(context, () -> {
            MDC.put(CORRELATION_ID, correlationId);
            try {
                return work.get();
            } finally {
                MDC.remove(CORRELATION_ID);
                flushMetrics();
            }
        });
    }

    /** The current invocation's correlation id, for stamping onto events it publishes. */
    public static String correlationId() {
        String id = MDC.get(CORRELATION_ID);
        return id != null ? id : newCorrelationId();
    }

    /** A correlation id a caller sent is only kept if it looks like one; anything else is replaced. */
    public static String acceptOrCreate(String candidate) {
        return candidate != null && SAFE_ID.matcher(candidate).matches() ? candidate : newCorrelationId();
    }

    public static String newCorrelationId() {
        return UUID.randomUUID().toString();
    }

    public static void count(String metric) {
        metrics().addMetric(metric, 1, MetricUnit.COUNT);
        pending.set(Boolean.TRUE);
    }

    public static void milliseconds(String metric, double value) {
        metrics().addMetric(metric, value, MetricUnit.MILLISECONDS);
        pending.set(Boolean.TRUE);
    }

    private static final ThreadLocal<Boolean> pending = new ThreadLocal<>();

    private static Metrics metrics() {
        return MetricsFactory.getMetricsInstance();
    }

    // Powertools warns on a flush without metrics; most invocations record none.
    private static void flushMetrics() {
        if (Boolean.TRUE.equals(pending.get())) {
            pending.remove();
            metrics().flush();
        }
    }
}
