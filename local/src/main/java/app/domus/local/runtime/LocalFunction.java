package app.domus.local.runtime;

import app.domus.shared.config.Env;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A deployed function: one handler instance, created on the first invocation (the cold start) inside the function's
 * environment, reused afterwards, and dropped when an invocation times out, as Lambda recycles a sandbox it had to stop.
 */
public final class LocalFunction {
    private final FunctionDefinition definition;
    private final ExecutorService invocationThreads;
    private final AtomicLong invocations = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong coldStarts = new AtomicLong();
    private final java.util.Deque<Invocation> recent = new java.util.ArrayDeque<>();
    private final java.util.List<java.util.function.Consumer<Invocation>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private HandlerInvoker instance;
    private boolean coldStartPending;

    LocalFunction(FunctionDefinition definition, ExecutorService invocationThreads) {
        this.definition = definition;
        this.invocationThreads = invocationThreads;
    }

    public FunctionDefinition definition() {
        return definition;
    }

    public long invocationCount() {
        return invocations.get();
    }

    public long errorCount() {
        return errors.get();
    }

    /** Handler instances created: the first invocation's, and one after each timed-out invocation. */
    public long coldStartCount() {
        return coldStarts.get();
    }

    /** The most recent invocations, newest first (at most {@value #KEPT_INVOCATIONS}). */
    public synchronized java.util.List<Invocation> recentInvocations() {
        return new java.util.ArrayList<>(recent);
    }

    /** Told of each invocation as it ends (for the console's live views). */
    public void onInvocation(java.util.function.Consumer<Invocation> listener) {
        listeners.add(listener);
    }

    private static final int KEPT_INVOCATIONS = 200;

    private synchronized void keep(Invocation invocation) {
        recent.addFirst(invocation);
        if (recent.size() > KEPT_INVOCATIONS) recent.removeLast();
    }

    /**
     * Invokes the function synchronously with the event JSON and gives its response JSON ({@code null} for none).
     *
     * @throws FunctionError when the handler cannot start, throws, or overruns its timeout
     */
    public String invoke(String eventJson) throws FunctionError {
        invocations.incrementAndGet();
        long started = System.nanoTime();
        Invocation invocation = null;
        FunctionError error = null;
        try {
            HandlerInvoker handler = instance();
            invocation = new Invocation(UUID.randomUUID().toString(), Instant.now(), takeColdStart());
            return invokeOnce(handler, eventJson, invocation);
        } catch (FunctionError e) {
            errors.incrementAndGet();
            error = e;
            throw e;
        } finally {
            // An INIT failure has no request of its own; it still counts, as Lambda reports it for the request.
            if (invocation == null) invocation = new Invocation(UUID.randomUUID().toString(), Instant.now(), takeColdStart());
            invocation.finished((System.nanoTime() - started) / 1_000_000, error);
            keep(invocation);
            for (var listener : listeners) listener.accept(invocation);
        }
    }

    private synchronized boolean takeColdStart() {
        boolean cold = coldStartPending;
        coldStartPending = false;
        return cold;
    }

    private String invokeOnce(HandlerInvoker handler, String eventJson, Invocation invocation) throws FunctionError {
        String requestId = invocation.getRequestId();
        long timeoutMillis = definition.timeout().toMillis();
        LocalLambdaContext context = new LocalLambdaContext(definition, requestId, Instant.now().plusMillis(timeoutMillis), invocation);
        Future<String> running = invocationThreads.submit(() -> Env.with(definition.environment(), () -> {
            Invocation.runningOnThisThread(invocation);
            try {
                return handler.invoke(eventJson, context);
            } catch (Throwable failure) {
                throw new HandlerFailure(failure);
            } finally {
                Invocation.runningOnThisThread(null);
            }
        }));
        try {
            return running.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            running.cancel(true);
            discard(handler);
            String message = String.format("Task timed out after %.2f seconds", timeoutMillis / 1000.0);
            context.getLogger().log(message);
            throw new FunctionError("Sandbox.Timedout", message, null);
        } catch (ExecutionException e) {
            Throwable failure = e.getCause() instanceof HandlerFailure handlerFailure ? handlerFailure.getCause() : e.getCause();
            context.getLogger().log("ERROR " + failure);
            failure.printStackTrace();
            throw new FunctionError(failure.getClass().getName(), String.valueOf(failure.getMessage()), failure);
        } catch (InterruptedException e) {
            running.cancel(true);
            Thread.currentThread().interrupt();
            throw new FunctionError("Runtime.Interrupted", "The local cloud is shutting down", e);
        }
    }

    /**
     * Runs the handler's SnapStart priming hook, as Lambda does before it takes a version's snapshot: in the function's
     * environment, cold-starting it first. A failing hook throws here (Lambda would log it and snapshot unprimed).
     *
     * @return false when the handler has no priming hook
     */
    public boolean prime() throws FunctionError {
        HandlerInvoker handler = instance();
        if (!(handler.handler() instanceof app.domus.shared.snapstart.Priming.Primeable primeable)) return false;
        Env.with(definition.environment(), () -> {
            primeable.prime();
            return null;
        });
        return true;
    }

    private synchronized HandlerInvoker instance() throws FunctionError {
        if (instance == null) {
            try {
                instance = Env.with(definition.environment(), this::coldStart);
                coldStarts.incrementAndGet();
                coldStartPending = true;
            } catch (HandlerFailure e) {
                Throwable cause = e.getCause();
                System.err.println("[" + definition.logicalId() + "] INIT failed: " + cause);
                cause.printStackTrace();
                throw new FunctionError("Runtime.InitError", definition.handler() + " could not start: " + cause, cause);
            }
        }
        return instance;
    }

    private HandlerInvoker coldStart() {
        try {
            return HandlerInvoker.coldStart(definition);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            throw new HandlerFailure(e instanceof java.lang.reflect.InvocationTargetException target ? target.getCause() : e);
        }
    }

    /**
     * Drops the handler instance, so that the next invocation is a cold start in a new sandbox, as Lambda starts one
     * when it scales out or recycles an old one: what the handler built and cached (clients, parameters read from SSM)
     * is built again. An invocation already running finishes on the old instance.
     */
    public synchronized void recycle() {
        instance = null;
    }

    private synchronized void discard(HandlerInvoker timedOut) {
        if (instance == timedOut) instance = null;
    }

    /** Carries a handler's own exception out of the {@link Env#with} supplier unchanged. */
    private static final class HandlerFailure extends RuntimeException {
        HandlerFailure(Throwable cause) {
            super(cause);
        }
    }
}
