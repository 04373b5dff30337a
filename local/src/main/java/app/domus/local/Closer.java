package app.domus.local;

import java.util.ArrayDeque;
import java.util.Deque;

/** Closes what was started, newest first, and carries on past a component that fails to stop. */
final class Closer implements AutoCloseable {
    private static final long SLOW_STOP_MS = 1_000;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();

    <T extends AutoCloseable> T add(T component) {
        started.push(component);
        return component;
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            AutoCloseable component = started.pop();
            long began = System.nanoTime();
            try {
                component.close();
                long tookMs = (System.nanoTime() - began) / 1_000_000;
                // A stop that takes seconds is worth seeing: something waits for work or a timeout.
                if (tookMs >= SLOW_STOP_MS) System.err.println("[local-cloud] stopping " + component.getClass().getSimpleName() + " took " + tookMs + " ms");
            } catch (Exception e) {
                System.err.println("[local-cloud] stopping " + component.getClass().getSimpleName() + " failed: " + e);
            }
        }
    }
}
