package app.domus.shared.config;

import java.util.Map;
import java.util.Optional;

/**
 * The function's configuration, read from its environment variables as {@code template.yaml} sets them.
 *
 * <p>On Lambda every function is its own process, so {@link System#getenv()} is the whole story. The
 * embedded local cloud runs many functions in one JVM; it binds each function's own variables to the
 * thread that constructs or invokes that function, and this class looks there first. Nothing else in
 * the platform knows whether it runs locally.
 */
public final class Env {
    private static final InheritableThreadLocal<Map<String, String>> BOUND = new InheritableThreadLocal<>();

    private Env() {}

    public static Optional<String> optional(String name) {
        Map<String, String> bound = BOUND.get();
        String value = bound != null && bound.containsKey(name) ? bound.get(name) : System.getenv(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    public static String required(String name) {
        return optional(name).orElseThrow(() -> new IllegalStateException("Missing environment variable " + name));
    }

    public static String orDefault(String name, String fallback) {
        return optional(name).orElse(fallback);
    }

    public static int intOrDefault(String name, int fallback) {
        return optional(name).map(Integer::parseInt).orElse(fallback);
    }

    /** Runs {@code work} with {@code variables} bound as this thread's environment (used by the local cloud). */
    public static <T> T with(Map<String, String> variables, java.util.function.Supplier<T> work) {
        Map<String, String> previous = BOUND.get();
        BOUND.set(Map.copyOf(variables));
        try {
            return work.get();
        } finally {
            if (previous == null) BOUND.remove(); else BOUND.set(previous);
        }
    }
}
