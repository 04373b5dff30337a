package app.domus.shared.observability;

import com.amazonaws.xray.AWSXRay;
import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.entities.Subsegment;
import com.amazonaws.xray.strategy.ContextMissingStrategy;
import java.util.function.Supplier;

/**
 * X-Ray for every function. The SDK's calls are traced by the X-Ray SDK's {@code TracingInterceptor}, which its
 * instrumentor jar registers for every SDK client on the classpath; each invocation is a subsegment of Lambda's own
 * segment, annotated with the invocation's correlation id, so that {@code sam traces} and the X-Ray console find a
 * request's trace by the id its API answer and its log lines carry (annotations are indexed, metadata is not).
 */
public final class Tracing {
    /** The annotation that carries the correlation id ({@code annotation.correlation_id = "..."} in a filter). */
    public static final String CORRELATION_ID = "correlation_id";
    static final String SUBSEGMENT = "## handleRequest";

    private Tracing() {}

    /**
     * Work outside any segment is expected, not an error: a function's initialisation and its SnapStart priming run
     * before Lambda opens an invocation's segment, and the local cloud and the tests run without X-Ray at all. The
     * SDK's default would log an error for every call there; ignore the missing context instead, unless the
     * environment (Lambda sets {@code AWS_XRAY_CONTEXT_MISSING}, the template to {@code IGNORE_ERROR}) or a system
     * property says otherwise. Called before the first SDK client is built, since the interceptor takes the global
     * recorder, with this setting, at its first call.
     */
    public static void ignoreMissingContextByDefault() {
        String property = ContextMissingStrategy.CONTEXT_MISSING_STRATEGY_SYSTEM_PROPERTY_OVERRIDE_KEY;
        if (System.getenv(ContextMissingStrategy.CONTEXT_MISSING_STRATEGY_ENVIRONMENT_VARIABLE_OVERRIDE_KEY) == null
                && System.getProperty(property) == null) {
            System.setProperty(property, "IGNORE_ERROR");
        }
    }

    /** Runs one invocation's work in its own subsegment, annotated with its correlation id, its failure recorded. */
    public static <T> T invocation(String correlationId, Supplier<T> work) {
        ignoreMissingContextByDefault();
        AWSXRayRecorder recorder = AWSXRay.getGlobalRecorder();
        Subsegment subsegment = recorder.beginSubsegment(SUBSEGMENT);
        try {
            subsegment.putAnnotation(CORRELATION_ID, correlationId);
            return work.get();
        } catch (RuntimeException | Error e) {
            subsegment.addException(e);
            throw e;
        } finally {
            recorder.endSubsegment();
        }
    }
}
