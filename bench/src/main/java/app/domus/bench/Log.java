package app.domus.bench;

/** Progress on stderr, with the time since the bench started. */
final class Log {
    private final long start = System.nanoTime();

    void info(String message) {
        System.err.printf("[bench %6.1fs] %s%n", (System.nanoTime() - start) / 1e9, message);
    }

    double elapsedSeconds() {
        return (System.nanoTime() - start) / 1e9;
    }
}
