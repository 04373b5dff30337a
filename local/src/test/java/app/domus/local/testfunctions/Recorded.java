package app.domus.local.testfunctions;

import app.domus.local.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** What the test functions received, per function: the test JVM runs the local cloud, so tests can look here. */
public final class Recorded {
    private static final Map<String, List<JsonNode>> BY_FUNCTION = new ConcurrentHashMap<>();

    private Recorded() {}

    static void record(String function, Object event) {
        BY_FUNCTION.computeIfAbsent(function, name -> new CopyOnWriteArrayList<>()).add(Json.MAPPER.valueToTree(event));
    }

    public static List<JsonNode> of(String function) {
        return new ArrayList<>(BY_FUNCTION.getOrDefault(function, List.of()));
    }

    /** Waits until the function has received an event that {@code matching} accepts, and gives it. */
    public static JsonNode await(String function, Predicate<JsonNode> matching, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode event : of(function)) {
                if (matching.test(event)) return event;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(function + " received no matching event within " + timeout + "; it received " + of(function));
    }

    public static long count(String function, Predicate<JsonNode> matching) {
        return of(function).stream().filter(matching).count();
    }
}
