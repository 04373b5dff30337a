package app.domus.local.runtime;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every function of the template, by logical id, and the two ways AWS services call them: synchronously (API
 * Gateway, event source pollers) and asynchronously (SNS, S3, schedules, IoT rules: Lambda's event invocation, which
 * retries a failed event twice).
 */
public final class Functions implements AutoCloseable {
    private static final Pattern FUNCTION_ARN = Pattern.compile("arn:aws[^:]*:lambda:[^:]*:[^:]*:function:([^:/]+)");
    /** Lambda waits about one and then two minutes between event retries; locally a newcomer should not wait that long. */
    private static final Duration[] ASYNC_RETRY_DELAYS = {Duration.ofSeconds(1), Duration.ofSeconds(2)};

    private final Map<String, LocalFunction> byLogicalId = new LinkedHashMap<>();
    private final ExecutorService invocationThreads = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService retryTimer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("async-retries").factory());

    public Functions(Collection<FunctionDefinition> definitions) {
        definitions.forEach(definition -> byLogicalId.put(definition.logicalId(), new LocalFunction(definition, invocationThreads)));
    }

    public Collection<LocalFunction> all() {
        return byLogicalId.values();
    }

    public LocalFunction get(String logicalId) {
        LocalFunction function = byLogicalId.get(logicalId);
        if (function == null) throw new IllegalArgumentException("No function " + logicalId + " in the template");
        return function;
    }

    /** The function an ARN (or an API Gateway integration URI containing one) names. */
    public LocalFunction byArn(String arnOrUri) {
        Matcher matcher = FUNCTION_ARN.matcher(arnOrUri);
        if (!matcher.find()) throw new IllegalArgumentException("Not a Lambda function ARN: " + arnOrUri);
        return get(matcher.group(1));
    }

    /** Lambda's event invocation: returns at once; failures are logged and retried twice, then dropped. */
    public void invokeAsync(LocalFunction function, String eventJson) {
        invokeAsync(function, eventJson, outcome -> {});
    }

    /**
     * As {@link #invokeAsync(LocalFunction, String)}, telling {@code outcome} how it ended once no retry is left:
     * {@code null} for a success, else the last attempt's error.
     */
    public void invokeAsync(LocalFunction function, String eventJson, java.util.function.Consumer<FunctionError> outcome) {
        invocationThreads.execute(() -> attempt(function, eventJson, 0, outcome));
    }

    private void attempt(LocalFunction function, String eventJson, int retry, java.util.function.Consumer<FunctionError> outcome) {
        try {
            function.invoke(eventJson);
            outcome.accept(null);
        } catch (FunctionError e) {
            if (retry < ASYNC_RETRY_DELAYS.length) {
                retryTimer.schedule(() -> invocationThreads.execute(() -> attempt(function, eventJson, retry + 1, outcome)),
                        ASYNC_RETRY_DELAYS[retry].toMillis(), TimeUnit.MILLISECONDS);
            } else {
                System.err.println("[" + function.definition().logicalId() + "] event dropped after " + (retry + 1) + " attempts: " + e.getMessage());
                outcome.accept(e);
            }
        }
    }

    @Override
    public void close() {
        retryTimer.shutdownNow();
        invocationThreads.shutdownNow();
    }
}
