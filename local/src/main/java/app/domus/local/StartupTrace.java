package app.domus.local;

/** The local cloud's start, step by step, when asked for: where a slow start spends its time. */
final class StartupTrace {
    private final boolean enabled;
    private long last;

    StartupTrace(boolean enabled) {
        this.enabled = enabled;
    }

    /** One step of several that run side by side, timed on its own. */
    static <T> T timed(String step, java.util.concurrent.Callable<T> work) throws Exception {
        long started = System.nanoTime();
        try {
            return work.call();
        } finally {
            if (Boolean.getBoolean("domus.local.startupTrace")) {
                System.err.printf("[local-cloud] start:   %-12s %6d ms%n", step, (System.nanoTime() - started) / 1_000_000);
            }
        }
    }

    void restart() {
        last = System.nanoTime();
    }

    void mark(String step) {
        if (!enabled) return;
        long now = System.nanoTime();
        System.err.printf("[local-cloud] start: %-14s %6d ms%n", step, (now - last) / 1_000_000);
        last = now;
    }
}
