package app.domus.local;

import java.util.ArrayDeque;
import java.util.Deque;

/** Closes what was started, newest first, and carries on past a component that fails to stop. */
final class Closer implements AutoCloseable {
    private final Deque<AutoCloseable> started = new ArrayDeque<>();

    <T extends AutoCloseable> T add(T component) {
        started.push(component);
        return component;
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            AutoCloseable component = started.pop();
            try {
                component.close();
            } catch (Exception e) {
                System.err.println("[local-cloud] stopping " + component.getClass().getSimpleName() + " failed: " + e);
            }
        }
    }
}
