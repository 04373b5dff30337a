package app.domus.local.partners.channels;

import app.domus.local.json.Json;
import app.domus.local.partners.PartnerDouble;
import app.domus.local.partners.PartnerDoubleContext;
import app.domus.local.partners.Exchanges;
import app.domus.local.template.Template;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The rental channels' doubles on one port: a channel manager speaking Channex.io's v1 bookings API
 * ({@code GET /api/v1/bookings?filter[property_id]=&pagination[page]=&pagination[limit]=} with the {@code user-api-key}
 * header {@value #API_KEY}; JSON:API-style {@code data} and {@code meta}), and an iCal feed host
 * ({@code GET /feeds/<name>.ics}). Seeded with property {@value #DEMO_PROPERTY} (two bookings) and feed {@code demo}
 * (one stay). Test controls under {@code /_double/}:
 * <ul>
 *   <li>{@code POST /_double/bookings} a Channex booking's attributes ({@code id}, {@code property_id}, {@code status},
 *       {@code ota_name}, {@code arrival_date}, {@code departure_date}, {@code customer}, {@code occupancy}): added, or
 *       replacing the one with that id (a modification or cancellation);</li>
 *   <li>{@code POST /_double/feeds/<name>/events {uid, start, end, summary, status}} adds or replaces a VEVENT;
 *       {@code DELETE /_double/feeds/<name>/events/<uid>} removes one (a vanished UID);</li>
 *   <li>{@code POST /_double/faults?target=channel-manager|ical&kind=error|slow|malformed&count=&delayMillis=}: the next
 *       calls to that side fail with a 500, answer late, or answer a body that is not what the protocol says;
 *       {@code DELETE /_double/faults} clears them; {@code GET /_double/calls} counts the calls each side answered.</li>
 * </ul>
 */
public final class ChannelsDouble implements PartnerDouble {
    public static final String NAME = "channels";
    public static final String BASE_URL_PARAMETER = "ChannelManagerBaseUrl";
    public static final String API_KEY = "cm_test_domus_local_key";
    public static final String DEMO_PROPERTY = "prop-demo";

    enum Kind { ERROR, SLOW, MALFORMED }

    record Fault(Kind kind, long delayMillis) {}

    private final Map<String, ObjectNode> bookings = new ConcurrentHashMap<>();
    private final Map<String, Map<String, ObjectNode>> feeds = new ConcurrentHashMap<>();
    private final Map<String, Deque<Fault>> faults = new ConcurrentHashMap<>();
    private final Map<String, Integer> calls = new ConcurrentHashMap<>();
    private HttpServer server;
    private ExecutorService threads;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean neededBy(Template template) {
        return template.parameters().containsKey(BASE_URL_PARAMETER);
    }

    @Override
    public Map<String, String> start(PartnerDoubleContext context) throws Exception {
        seed();
        threads = Executors.newVirtualThreadPerTaskExecutor();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", context.port()), 64);
        server.setExecutor(threads);
        server.createContext("/api/v1/bookings", exchange -> guarded(exchange, this::bookingsApi));
        server.createContext("/feeds/", exchange -> guarded(exchange, this::feed));
        server.createContext("/_double", exchange -> guarded(exchange, this::controls));
        server.start();
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put(BASE_URL_PARAMETER, context.baseUrl());
        return overrides;
    }

    private void seed() {
        booking(Json.read("""
                {"id":"cm-demo-1","property_id":"prop-demo","status":"new","ota_name":"Airbnb","ota_reservation_code":"HMDEMO1",
                 "arrival_date":"2030-01-10","departure_date":"2030-01-13","customer":{"name":"Ada","surname":"Guest","mail":"ada.guest@example.com"},
                 "occupancy":{"adults":2,"children":0}}"""));
        booking(Json.read("""
                {"id":"cm-demo-2","property_id":"prop-demo","status":"new","ota_name":"BookingCom","ota_reservation_code":"BDC2",
                 "arrival_date":"2030-02-01","departure_date":"2030-02-04","customer":{"name":"Bo","surname":"Guest"},"occupancy":{"adults":1}}"""));
        event("demo", Json.read("{\"uid\":\"demo-1@host\",\"start\":\"2030-03-01\",\"end\":\"2030-03-05\",\"summary\":\"Reserved\"}"));
    }

    private void booking(JsonNode attributes) {
        bookings.put(attributes.path("id").asText(), (ObjectNode) attributes.deepCopy());
    }

    private void event(String feed, JsonNode event) {
        feeds.computeIfAbsent(feed, f -> new ConcurrentHashMap<>()).put(event.path("uid").asText(), (ObjectNode) event.deepCopy());
    }

    private interface Handler {
        void handle(HttpExchange exchange) throws Exception;
    }

    private static void guarded(HttpExchange exchange, Handler handler) throws IOException {
        try {
            handler.handle(exchange);
        } catch (Exception e) {
            Exchanges.send(exchange, 400, "application/json", "{\"errors\":{\"title\":\"" + String.valueOf(e.getMessage()).replace("\"", "'") + "\"}}");
        } finally {
            exchange.close();
        }
    }

    /** The pending fault of this side, applied: true when it answered already. */
    private boolean misbehave(HttpExchange exchange, String side) throws Exception {
        calls.merge(side, 1, Integer::sum);
        Deque<Fault> pending = faults.get(side);
        Fault fault = pending == null ? null : pending.poll();
        if (fault == null) return false;
        switch (fault.kind()) {
            case ERROR -> {
                Exchanges.send(exchange, 500, "application/json", "{\"errors\":{\"code\":\"internal_error\",\"title\":\"injected\"}}");
                return true;
            }
            case SLOW -> Thread.sleep(fault.delayMillis());
            case MALFORMED -> {
                Exchanges.send(exchange, 200, "text/html", "<html><body>Down for maintenance</body></html>");
                return true;
            }
        }
        return false;
    }

    private void bookingsApi(HttpExchange exchange) throws Exception {
        if (!API_KEY.equals(exchange.getRequestHeaders().getFirst("user-api-key"))) {
            Exchanges.send(exchange, 401, "application/json", "{\"errors\":{\"code\":\"unauthorized\",\"title\":\"Unauthorized\"}}");
            return;
        }
        if (misbehave(exchange, "channel-manager")) return;
        Map<String, String> query = Exchanges.query(exchange);
        String property = query.get("filter[property_id]");
        int page = Math.max(1, Integer.parseInt(query.getOrDefault("pagination[page]", "1")));
        int limit = Math.min(100, Math.max(1, Integer.parseInt(query.getOrDefault("pagination[limit]", "10"))));
        List<ObjectNode> matching = bookings.values().stream().filter(b -> property == null || property.equals(b.path("property_id").asText()))
                .sorted(java.util.Comparator.comparing(b -> b.path("id").asText())).toList();
        ObjectNode answer = Json.object();
        ArrayNode data = answer.putArray("data");
        for (ObjectNode b : matching.subList(Math.min(matching.size(), (page - 1) * limit), Math.min(matching.size(), page * limit))) {
            ObjectNode entry = data.addObject();
            entry.put("type", "booking");
            entry.put("id", b.path("id").asText());
            entry.set("attributes", b);
        }
        answer.putObject("meta").put("page", page).put("limit", limit).put("total", matching.size());
        Exchanges.send(exchange, 200, "application/json", Json.write(answer));
    }

    private void feed(HttpExchange exchange) throws Exception {
        String path = exchange.getRequestURI().getPath();
        String name = path.substring("/feeds/".length()).replaceFirst("\\.ics$", "");
        Map<String, ObjectNode> events = feeds.get(name);
        if (events == null) {
            Exchanges.send(exchange, 404, "text/plain", "no such calendar");
            return;
        }
        if (misbehave(exchange, "ical")) return;
        StringBuilder ics = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Domus local//iCal host double//EN\r\n");
        for (ObjectNode e : events.values()) {
            ics.append("BEGIN:VEVENT\r\nDTSTAMP:20260101T000000Z\r\nUID:").append(e.path("uid").asText()).append("\r\n")
                    .append("DTSTART;VALUE=DATE:").append(e.path("start").asText().replace("-", "")).append("\r\n")
                    .append("DTEND;VALUE=DATE:").append(e.path("end").asText().replace("-", "")).append("\r\n")
                    .append("SUMMARY:").append(e.path("summary").asText("Reserved")).append("\r\n");
            if (e.hasNonNull("status")) ics.append("STATUS:").append(e.path("status").asText()).append("\r\n");
            ics.append("END:VEVENT\r\n");
        }
        ics.append("END:VCALENDAR\r\n");
        Exchanges.send(exchange, 200, "text/calendar", ics.toString());
    }

    private void controls(HttpExchange exchange) throws Exception {
        String path = exchange.getRequestURI().getPath().substring("/_double".length());
        String method = exchange.getRequestMethod();
        if (path.equals("/bookings") && method.equals("POST")) {
            JsonNode attributes = Json.read(Exchanges.body(exchange));
            if (!attributes.hasNonNull("id") || !attributes.hasNonNull("property_id")) throw new IllegalArgumentException("id and property_id are required");
            booking(attributes);
            Exchanges.send(exchange, 200, "application/json", Json.write(attributes));
        } else if (path.matches("/feeds/[^/]+/events") && method.equals("POST")) {
            JsonNode event = Json.read(Exchanges.body(exchange));
            if (!event.hasNonNull("uid") || !event.hasNonNull("start") || !event.hasNonNull("end")) throw new IllegalArgumentException("uid, start and end are required");
            event(path.split("/")[2], event);
            Exchanges.send(exchange, 200, "application/json", Json.write(event));
        } else if (path.matches("/feeds/[^/]+/events/[^/]+") && method.equals("DELETE")) {
            String[] parts = path.split("/");
            Map<String, ObjectNode> events = feeds.get(parts[2]);
            boolean removed = events != null && events.remove(URLDecoder.decode(parts[4], StandardCharsets.UTF_8)) != null;
            Exchanges.send(exchange, removed ? 200 : 404, "application/json", "{\"removed\":" + removed + "}");
        } else if (path.equals("/faults") && method.equals("POST")) {
            Map<String, String> q = Exchanges.query(exchange);
            String target = q.getOrDefault("target", "channel-manager");
            if (!List.of("channel-manager", "ical").contains(target)) throw new IllegalArgumentException("target is channel-manager or ical");
            Kind kind = Kind.valueOf(q.getOrDefault("kind", "error").toUpperCase(java.util.Locale.ROOT));
            int count = Integer.parseInt(q.getOrDefault("count", "1"));
            long delay = Long.parseLong(q.getOrDefault("delayMillis", "0"));
            Deque<Fault> pending = faults.computeIfAbsent(target, t -> new ArrayDeque<>());
            synchronized (pending) {
                for (int i = 0; i < count; i++) pending.add(new Fault(kind, delay));
            }
            Exchanges.send(exchange, 200, "application/json", "{\"target\":\"" + target + "\",\"pending\":" + pending.size() + "}");
        } else if (path.equals("/faults") && method.equals("DELETE")) {
            faults.clear();
            Exchanges.send(exchange, 200, "application/json", "{\"cleared\":true}");
        } else if (path.equals("/calls") && method.equals("GET")) {
            Exchanges.send(exchange, 200, "application/json", Json.write(calls));
        } else if (path.equals("/") || path.isEmpty()) {
            Exchanges.send(exchange, 200, "application/json", Json.write(Map.of("controls", new ArrayList<>(List.of(
                    "POST /_double/bookings", "POST /_double/feeds/{name}/events", "DELETE /_double/feeds/{name}/events/{uid}",
                    "POST /_double/faults?target=&kind=error|slow|malformed&count=&delayMillis=", "DELETE /_double/faults", "GET /_double/calls")),
                    "apiKey", API_KEY, "demoProperty", DEMO_PROPERTY, "demoFeed", "/feeds/demo.ics")));
        } else {
            Exchanges.send(exchange, 404, "application/json", "{\"errors\":{\"title\":\"no such control\"}}");
        }
    }

    @Override
    public void close() {
        if (server != null) server.stop(0);
        if (threads != null) threads.shutdownNow();
    }
}
