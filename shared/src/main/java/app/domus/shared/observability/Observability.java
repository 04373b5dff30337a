package app.domus.shared.observability;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;
import app.domus.shared.config.Env;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Structured logging and metrics through Powertools' functional API (no AspectJ weaving). Every
 * invocation runs inside {@link #invocation}, which adds the Lambda context to each log line and
 * carries the correlation id that came with the HTTP request or the event, in every log line and as the X-Ray
 * annotation of the invocation's subsegment ({@link Tracing}).
 */
public final class Observability {
    public static final String CORRELATION_ID = "correlation_id";
    private static final Logger LOG = LoggerFactory.getLogger(Observability.class);
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{8,100}");

    private Observability() {}

    public static <T> T invocation(Context context, String correlationId, Supplier<T> work) {
        return PowertoolsLogging.withLogging(context, () -> {
            MDC.put(CORRELATION_ID, correlationId);
            try {
                return Tracing.invocation(correlationId, work);
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

    /** Adds one to a custom metric of this invocation (CloudWatch EMF, flushed when the invocation ends). */
    public static void count(String metric) {
        record(metric, 1, MetricUnit.COUNT);
    }

    /**
     * Adds one to a custom metric under one dimension (e.g. notifications sent by {@code channel}), written at once as
     * its own EMF entry so that its dimension does not spread to the invocation's other metrics.
     */
    public static void count(String metric, String dimension, String value) {
        try {
            metrics().flushSingleMetric(metric, 1, MetricUnit.COUNT, namespace(), DimensionSet.of(dimension, value));
        } catch (RuntimeException e) {
            LOG.warn("Metric {} was not recorded: {}", metric, e.toString());
        }
    }

    private static final ThreadLocal<Boolean> pending = new ThreadLocal<>();
    private static volatile boolean configured;

    // Metrics are for watching the platform: recording one never fails the work it describes.
    private static void record(String metric, double value, MetricUnit unit) {
        try {
            metrics().addMetric(metric, value, unit);
            pending.set(Boolean.TRUE);
        } catch (RuntimeException e) {
            LOG.warn("Metric {} was not recorded: {}", metric, e.toString());
        }
    }

    private static Metrics metrics() {
        Metrics metrics = MetricsFactory.getMetricsInstance();
        if (!configured) {
            // Powertools reads the namespace from the process environment; set it from the function's own, which is
            // what Lambda gives too, and what the local cloud gives each function that shares its JVM.
            metrics.setNamespace(namespace());
            configured = true;
        }
        return metrics;
    }

    private static String namespace() {
        return Env.optional("POWERTOOLS_METRICS_NAMESPACE").orElse("Domus");
    }

    // Powertools warns on a flush without metrics; most invocations record none.
    private static void flushMetrics() {
        if (Boolean.TRUE.equals(pending.get())) {
            pending.remove();
            try {
                metrics().flush();
            } catch (RuntimeException e) {
                LOG.warn("Metrics were not flushed: {}", e.toString());
            }
        }
    }
}
