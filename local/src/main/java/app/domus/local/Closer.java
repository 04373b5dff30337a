package app.domus.local;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;

/**
 * Closes what was started, newest first, and carries on past a component that fails to stop, or that does not stop
 * within {@link #STOP_PATIENCE_MS}: a stop must not hang on one component (a CI run once waited over 40 s for one). A
 * component that overruns is reported with where its stop is stuck, and left to the JVM's exit.
 */
final class Closer implements AutoCloseable {
    private static final long SLOW_STOP_MS = 1_000;
    static final long STOP_PATIENCE_MS = 10_000;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();

    <T extends AutoCloseable> T add(T component) {
        started.push(component);
        return component;
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            AutoCloseable component = started.pop();
            String name = component.getClass().getSimpleName();
            long began = System.nanoTime();
            Exception[] failure = new Exception[1];
            Thread stopping = Thread.ofPlatform().daemon().name("stopping-" + name).start(() -> {
                try {
                    component.close();
                } catch (Exception e) {
                    failure[0] = e;
                }
            });
            try {
                stopping.join(STOP_PATIENCE_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
            if (stopping.isAlive()) {
                StringBuilder stack = new StringBuilder();
                for (StackTraceElement frame : stopping.getStackTrace()) stack.append("\n\tat ").append(frame);
                System.err.println("[local-cloud] stopping " + name + " did not finish in " + tookMs + " ms; going on without it. Stuck at:" + stack);
            } else if (failure[0] != null) {
                System.err.println("[local-cloud] stopping " + name + " failed: " + failure[0]);
            } else if (tookMs >= SLOW_STOP_MS) {
                // A stop that takes seconds is worth seeing: something waits for work or a timeout.
                System.err.println("[local-cloud] stopping " + name + " took " + tookMs + " ms");
            }
        }
    }
}
