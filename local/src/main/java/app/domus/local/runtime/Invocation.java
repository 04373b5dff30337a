package app.domus.local.runtime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One invocation of a function, as the console shows it: when, how long, whether it was a cold start, how it ended,
 * and the log lines it wrote (its own {@code LambdaLogger} lines and the platform's log events on its thread), the
 * way CloudWatch keeps a request's lines under its request id.
 */
public final class Invocation {
    private static final int MAX_LINES = 200;

    private final String requestId;
    private final Instant startedAt;
    private final boolean coldStart;
    private final List<String> logLines = new ArrayList<>();
    private volatile String correlationId;
    private volatile long durationMillis = -1;
    private volatile String errorType;
    private volatile String errorMessage;

    Invocation(String requestId, Instant startedAt, boolean coldStart) {
        this.requestId = requestId;
        this.startedAt = startedAt;
        this.coldStart = coldStart;
    }

    public String getRequestId() { return requestId; }
    public Instant getStartedAt() { return startedAt; }
    public boolean isColdStart() { return coldStart; }
    public String getCorrelationId() { return correlationId; }
    /** {@code -1} while it runs. */
    public long getDurationMillis() { return durationMillis; }
    public String getErrorType() { return errorType; }
    public String getErrorMessage() { return errorMessage; }

    public synchronized List<String> getLogLines() {
        return List.copyOf(logLines);
    }

    synchronized void log(String line) {
        if (logLines.size() < MAX_LINES) logLines.add(line);
        else if (logLines.size() == MAX_LINES) logLines.add("... (further lines not kept)");
    }

    /** The first correlation id seen in the request's log events is the request's. */
    void correlationId(String id) {
        if (correlationId == null && id != null && !id.isBlank()) correlationId = id;
    }

    void finished(long durationMillis, FunctionError error) {
        if (error != null) {
            errorType = error.errorType();
            errorMessage = error.getMessage();
        }
        this.durationMillis = durationMillis;
    }

    public boolean failed() {
        return errorType != null;
    }

    /** The invocation running on this thread, so that log events written on it are the request's lines. */
    private static final ThreadLocal<Invocation> CURRENT = new ThreadLocal<>();

    static Invocation current() {
        return CURRENT.get();
    }

    static void runningOnThisThread(Invocation invocation) {
        if (invocation == null) CURRENT.remove();
        else CURRENT.set(invocation);
    }

    /** For the log appender: a line for the invocation running on the calling thread, if any. */
    public static void logOnCurrent(String line, String correlationId) {
        Invocation invocation = CURRENT.get();
        if (invocation == null) return;
        invocation.correlationId(correlationId);
        invocation.log(line);
    }
}
