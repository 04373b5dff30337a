package app.domus.local.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The console's live feed, {@code GET /_local/stream}: Server-Sent Events telling open console pages what just happened
 * (a message in the outbox, a domain event, a consumer's outcome, a function invocation, a queue changed), so that they
 * update without polling. Each event carries a small JSON summary; the pages read the full state from the JSON pages.
 */
public final class ConsoleFeed implements AutoCloseable {
    /** A page that cannot keep up loses its stream (and reconnects, as EventSource does) rather than the local cloud memory. */
    private static final int BACKLOG = 1000;
    private static final long KEEPALIVE_SECONDS = 15;
    private static final String CLOSED = "";

    private final Set<BlockingQueue<String>> subscribers = ConcurrentHashMap.newKeySet();

    /** Sends {@code data} (as JSON) to every open stream as an event named {@code kind}. */
    public void publish(String kind, Object data) {
        if (subscribers.isEmpty()) return;
        String frame;
        try {
            frame = "event: " + kind + "\ndata: " + Outbox.mapper().writeValueAsString(data) + "\n\n";
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A console feed event must be JSON: " + kind, e);
        }
        for (BlockingQueue<String> subscriber : subscribers) {
            if (!subscriber.offer(frame)) subscribers.remove(subscriber);
        }
    }

    public int openStreams() {
        return subscribers.size();
    }

    /**
     * Answers the request with the stream and holds it until the page goes away or the local cloud stops. The first frame
     * ({@code event: ready}) tells the page it is connected.
     */
    void stream(HttpExchange exchange) throws IOException, InterruptedException {
        BlockingQueue<String> frames = new ArrayBlockingQueue<>(BACKLOG);
        subscribers.add(frames);
        try {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            write(out, "retry: 1000\nevent: ready\ndata: {}\n\n");
            while (true) {
                String frame = frames.poll(KEEPALIVE_SECONDS, TimeUnit.SECONDS);
                if (frame == CLOSED) return;
                // A comment line now and then: a page that has gone shows up as a failed write, and its stream ends.
                write(out, frame == null ? ": keepalive\n\n" : frame);
                if (frame != null && !subscribers.contains(frames)) return;
            }
        } catch (IOException pageGone) {
            // The page closed or reloaded: that is how every stream ends, not a fault to report.
        } finally {
            subscribers.remove(frames);
        }
    }

    private static void write(OutputStream out, String frame) throws IOException {
        out.write(frame.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Ends every open stream. */
    @Override
    public void close() {
        for (BlockingQueue<String> subscriber : subscribers) {
            subscriber.clear();
            subscriber.offer(CLOSED);
        }
        subscribers.clear();
    }

    static Map<String, Object> summary(Object... keysAndValues) {
        Map<String, Object> summary = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) summary.put(String.valueOf(keysAndValues[i]), keysAndValues[i + 1]);
        return summary;
    }
}
