package app.domus.local.partners.calendar;

import app.domus.local.json.Json;
import app.domus.local.partners.Exchanges;
import app.domus.local.partners.InjectedFaults;
import app.domus.local.partners.PartnerDouble;
import app.domus.local.partners.PartnerDoubleContext;
import app.domus.local.template.Template;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A double of the Google Calendar API v3 subset Domus uses, and of Google's OAuth 2 endpoints, on one port:
 * <ul>
 *   <li>{@code GET /o/oauth2/v2/auth?client_id&redirect_uri&response_type=code&scope&state&code_challenge&code_challenge_method=S256}
 *       consents at once (the account is {@code login_hint}, else {@value #DEFAULT_ACCOUNT}) and redirects (302) to
 *       {@code redirect_uri?code=&state=}; {@code POST /token} (form) exchanges a code with its PKCE verifier and the
 *       client's secret, or a refresh token ({@code invalid_grant} otherwise), access tokens living
 *       {@code expires_in} seconds (3600 unless set by a control);</li>
 *   <li>{@code /calendar/v3/calendars/{calendarId}/events} with {@code Authorization: Bearer}: list (full or with
 *       {@code syncToken}, 410 {@code fullSyncRequired} for one that expired; {@code pageToken}, {@code maxResults},
 *       {@code showDeleted}, {@code privateExtendedProperty}), insert, patch, delete (then {@code status: cancelled}, a
 *       second delete 410), and {@code POST .../events/watch}, after which every change of the calendar POSTs a
 *       notification (Google's {@code X-Goog-*} headers, {@code sync} first) to the channel's address.</li>
 * </ul>
 * Test controls under {@code /_double/}: {@code GET /_double/calendars/{account}/events}; {@code POST} one there
 * ({@code {summary, start, end, description}}, dates or instants), {@code PATCH} or {@code DELETE}
 * {@code /_double/calendars/{account}/events/{id}} (changes "in Google Calendar", notified like any);
 * {@code POST /_double/tokens/expire} (every access token refused from now on), {@code POST /_double/tokens/lifetime?seconds=};
 * {@code POST /_double/sync-tokens/expire}; {@code POST /_double/faults?kind=error|slow|malformed&count=&delayMillis=},
 * {@code DELETE /_double/faults}; {@code GET /_double/calls} (calls answered by kind, notifications sent).
 */
public final class GoogleCalendarDouble implements PartnerDouble {
    public static final String NAME = "google-calendar";
    public static final String CLIENT_ID = "domus-local.apps.googleusercontent.com";
    public static final String CLIENT_SECRET = "GOCSPX-domus-local-double";
    public static final String DEFAULT_ACCOUNT = "demo.user@gmail.test";
    static final List<String> BASE_URL_PARAMETERS = List.of("GoogleOAuthBaseUrl", "GoogleTokenBaseUrl", "GoogleCalendarApiBaseUrl");

    private record Channel(String id, String token, String address, String resourceId, AtomicLong messages) {}

    private final Map<String, Integer> calls = new ConcurrentHashMap<>();
    private final OAuthServer oauth = new OAuthServer(CLIENT_ID, CLIENT_SECRET, DEFAULT_ACCOUNT, "ya29.a0", false, this::count);
    private final Map<String, Map<String, ObjectNode>> calendars = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Long>> changedAt = new ConcurrentHashMap<>();
    private final Map<String, List<Channel>> channels = new ConcurrentHashMap<>();
    private final InjectedFaults faults = new InjectedFaults();
    private final AtomicLong sequence = new AtomicLong();
    private volatile long syncTokensValidFrom;
    private HttpServer server;
    private ExecutorService threads;
    private HttpClient notifier;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean neededBy(Template template) {
        return template.parameters().containsKey(BASE_URL_PARAMETERS.getFirst());
    }

    @Override
    public Map<String, String> start(PartnerDoubleContext context) throws Exception {
        threads = Executors.newVirtualThreadPerTaskExecutor();
        notifier = HttpClient.newBuilder().executor(threads).connectTimeout(Duration.ofSeconds(3)).build();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", context.port()), 64);
        server.setExecutor(threads);
        server.createContext("/o/oauth2/v2/auth", exchange -> guarded(exchange, oauth::authorize));
        server.createContext("/token", exchange -> guarded(exchange, this::token));
        server.createContext("/calendar/v3/calendars/", exchange -> guarded(exchange, this::events));
        server.createContext("/_double", exchange -> guarded(exchange, this::controls));
        server.start();
        Map<String, String> overrides = new LinkedHashMap<>();
        BASE_URL_PARAMETERS.forEach(p -> overrides.put(p, context.baseUrl()));
        overrides.put("GoogleCalendarClientId", CLIENT_ID);
        overrides.put("GoogleCalendarClientSecret", CLIENT_SECRET);
        return overrides;
    }

    private interface Handler {
        void handle(HttpExchange exchange) throws Exception;
    }

    private static void guarded(HttpExchange exchange, Handler handler) throws IOException {
        try {
            handler.handle(exchange);
        } catch (IllegalArgumentException e) {
            error(exchange, 400, "badRequest", String.valueOf(e.getMessage()));
        } catch (Exception e) {
            error(exchange, 500, "backendError", String.valueOf(e.getMessage()));
        } finally {
            exchange.close();
        }
    }

    private static void error(HttpExchange exchange, int status, String reason, String message) throws IOException {
        ObjectNode body = Json.object();
        ObjectNode error = body.putObject("error").put("code", status).put("message", message);
        error.putArray("errors").addObject().put("domain", "global").put("reason", reason).put("message", message);
        Exchanges.send(exchange, status, Json.write(body));
    }

    /** The pending injected fault of this call, applied: true when it answered already. */
    private boolean misbehave(HttpExchange exchange) throws IOException {
        InjectedFaults.Fault fault = faults.next();
        if (fault == null) return false;
        switch (fault.kind()) {
            case ERROR -> {
                error(exchange, 503, "backendError", "The service is currently unavailable.");
                return true;
            }
            case SLOW -> InjectedFaults.pause(fault.delayMillis());
            case MALFORMED -> {
                Exchanges.send(exchange, 200, "text/html", "<html><body>Google is down for maintenance</body></html>");
                return true;
            }
        }
        return false;
    }

    private void count(String kind) {
        calls.merge(kind, 1, Integer::sum);
    }

    // ---------------------------------------------------------------- OAuth

    private void token(HttpExchange exchange) throws Exception {
        String body = Exchanges.body(exchange);
        if (misbehave(exchange)) return;
        oauth.token(exchange, body);
    }

    // ---------------------------------------------------------------- Calendar API

    private void events(HttpExchange exchange) throws Exception {
        String account = oauth.account(exchange);
        if (account == null) {
            error(exchange, 401, "authError", "Request had invalid authentication credentials.");
            return;
        }
        if (misbehave(exchange)) return;
        String[] path = exchange.getRequestURI().getRawPath().substring("/calendar/v3/calendars/".length()).split("/");
        String calendarId = URLDecoder.decode(path[0], StandardCharsets.UTF_8);
        if (!calendarId.equals("primary") && !calendarId.equals(account)) {
            error(exchange, 404, "notFound", "Not Found");
            return;
        }
        if (path.length < 2 || !path[1].equals("events")) {
            error(exchange, 404, "notFound", "Not Found");
            return;
        }
        String method = exchange.getRequestMethod();
        if (path.length == 2 && method.equals("GET")) list(exchange, account);
        else if (path.length == 2 && method.equals("POST")) {
            count("insert");
            ObjectNode event = write(account, null, Json.read(Exchanges.body(exchange)));
            Exchanges.send(exchange, 200, Json.write(event));
        } else if (path.length == 3 && path[2].equals("watch") && method.equals("POST")) watch(exchange, account);
        else if (path.length == 3) {
            String id = URLDecoder.decode(path[2], StandardCharsets.UTF_8);
            ObjectNode existing = calendar(account).get(id);
            if (existing == null) {
                error(exchange, 404, "notFound", "Not Found");
                return;
            }
            switch (method) {
                case "GET" -> Exchanges.send(exchange, 200, Json.write(existing));
                case "PATCH", "PUT" -> {
                    count("patch");
                    if ("cancelled".equals(existing.path("status").asText())) {
                        error(exchange, 410, "deleted", "Resource has been deleted");
                        return;
                    }
                    Exchanges.send(exchange, 200, Json.write(write(account, id, Json.read(Exchanges.body(exchange)))));
                }
                case "DELETE" -> {
                    count("delete");
                    if ("cancelled".equals(existing.path("status").asText())) {
                        error(exchange, 410, "deleted", "Resource has been deleted");
                        return;
                    }
                    write(account, id, Json.object().put("status", "cancelled"));
                    Exchanges.send(exchange, 204, "");
                }
                default -> error(exchange, 405, "methodNotAllowed", method);
            }
        } else error(exchange, 404, "notFound", "Not Found");
    }

    private void list(HttpExchange exchange, String account) throws IOException {
        count("list");
        Map<String, String> q = Exchanges.query(exchange);
        String syncToken = q.get("syncToken");
        long since = -1;
        if (syncToken != null) {
            since = syncToken.startsWith("st-") ? Long.parseLong(syncToken.substring(3)) : -2;
            if (since < syncTokensValidFrom) {
                error(exchange, 410, "fullSyncRequired", "Sync token is no longer valid, a full sync is required.");
                return;
            }
        }
        boolean showDeleted = syncToken != null || "true".equals(q.get("showDeleted"));
        String property = q.get("privateExtendedProperty");
        int max = Math.min(2500, Math.max(1, Integer.parseInt(q.getOrDefault("maxResults", "250"))));
        int offset = Integer.parseInt(q.getOrDefault("pageToken", "0"));
        long seen = sequence.get();
        long from = since;
        Map<String, Long> changed = changedAt.computeIfAbsent(account, a -> new ConcurrentHashMap<>());
        List<ObjectNode> matching = calendar(account).values().stream()
                .filter(e -> changed.getOrDefault(e.path("id").asText(), 0L) > from)
                .filter(e -> showDeleted || !"cancelled".equals(e.path("status").asText()))
                .filter(e -> property == null || property.equals("domusEventId=" + e.path("extendedProperties").path("private").path("domusEventId").asText()))
                .sorted(java.util.Comparator.comparing(e -> changed.getOrDefault(e.path("id").asText(), 0L))).toList();
        ObjectNode answer = Json.object().put("kind", "calendar#events").put("summary", account).put("timeZone", "UTC");
        ArrayNode items = answer.putArray("items");
        matching.subList(Math.min(offset, matching.size()), Math.min(matching.size(), offset + max)).forEach(items::add);
        if (offset + max < matching.size()) answer.put("nextPageToken", String.valueOf(offset + max));
        else answer.put("nextSyncToken", "st-" + seen);
        Exchanges.send(exchange, 200, Json.write(answer));
    }

    private void watch(HttpExchange exchange, String account) throws IOException {
        count("watch");
        JsonNode body = Json.read(Exchanges.body(exchange));
        if (!"web_hook".equals(body.path("type").asText()) || !body.hasNonNull("id") || !body.hasNonNull("address")) {
            throw new IllegalArgumentException("A channel needs id, type web_hook and address");
        }
        Channel channel = new Channel(body.path("id").asText(), body.path("token").asText(null), body.path("address").asText(),
                "res-" + Integer.toHexString(account.hashCode()), new AtomicLong());
        channels.computeIfAbsent(account, a -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(channel);
        long expiration = Instant.now().plus(Duration.ofDays(7)).toEpochMilli();
        Exchanges.send(exchange, 200, Json.write(Json.object().put("kind", "api#channel").put("id", channel.id())
                .put("resourceId", channel.resourceId()).put("resourceUri", "https://www.googleapis.com/calendar/v3/calendars/primary/events?alt=json")
                .put("token", channel.token()).put("expiration", String.valueOf(expiration))));
        notify(channel, "sync");
    }

    private Map<String, ObjectNode> calendar(String account) {
        return calendars.computeIfAbsent(account, a -> new ConcurrentHashMap<>());
    }

    /** Inserts ({@code id} null) or patches an event, bumping its etag and the calendar's sequence, then notifies. */
    private ObjectNode write(String account, String id, JsonNode patch) {
        ObjectNode event;
        long seq;
        synchronized (this) {
            seq = sequence.incrementAndGet();
            Map<String, ObjectNode> calendar = calendar(account);
            if (id == null) {
                id = "ev" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
                event = Json.object().put("kind", "calendar#event").put("id", id).put("status", "confirmed")
                        .put("created", Instant.now().toString());
                event.putObject("organizer").put("email", account).put("self", true);
            } else {
                event = calendar.get(id).deepCopy();
            }
            for (var it = patch.fields(); it.hasNext(); ) {
                var field = it.next();
                if (!field.getKey().equals("id") && !field.getKey().equals("etag")) event.set(field.getKey(), field.getValue());
            }
            event.put("etag", "\"" + (3_400_000_000_000_000L + seq) + "\"").put("updated", Instant.now().toString());
            calendar.put(id, event);
            changedAt.computeIfAbsent(account, a -> new ConcurrentHashMap<>()).put(id, seq);
        }
        for (Channel channel : channels.getOrDefault(account, List.of())) notify(channel, "exists");
        return event;
    }

    /** POSTs a change notification to the channel's address, as Google does (no body), on its own thread. */
    private void notify(Channel channel, String state) {
        long number = channel.messages().incrementAndGet();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(channel.address())).timeout(Duration.ofSeconds(10))
                .header("X-Goog-Channel-ID", channel.id()).header("X-Goog-Resource-ID", channel.resourceId())
                .header("X-Goog-Resource-State", state).header("X-Goog-Message-Number", String.valueOf(number))
                .header("X-Goog-Resource-URI", "https://www.googleapis.com/calendar/v3/calendars/primary/events?alt=json")
                .header("X-Goog-Channel-Expiration", "Tue, 08 Dec 2026 00:00:00 GMT")
                .POST(HttpRequest.BodyPublishers.noBody());
        if (channel.token() != null) request.header("X-Goog-Channel-Token", channel.token());
        count("notification:" + state);
        notifier.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
                .thenAccept(r -> count("notification-answer:" + r.statusCode()))
                .exceptionally(e -> {
                    count("notification-failed");
                    return null;
                });
    }

    // ---------------------------------------------------------------- controls

    private void controls(HttpExchange exchange) throws Exception {
        String path = exchange.getRequestURI().getPath().substring("/_double".length());
        String method = exchange.getRequestMethod();
        Map<String, String> q = Exchanges.query(exchange);
        if (path.matches("/calendars/[^/]+/events") && method.equals("GET")) {
            String account = URLDecoder.decode(path.split("/")[2], StandardCharsets.UTF_8);
            ArrayNode items = Json.MAPPER.createArrayNode();
            calendar(account).values().forEach(items::add);
            Exchanges.send(exchange, 200, Json.write(Json.object().set("items", items)));
        } else if (path.matches("/calendars/[^/]+/events") && method.equals("POST")) {
            String account = URLDecoder.decode(path.split("/")[2], StandardCharsets.UTF_8);
            Exchanges.send(exchange, 200, Json.write(write(account, null, userEvent(Json.read(Exchanges.body(exchange))))));
        } else if (path.matches("/calendars/[^/]+/events/[^/]+") && (method.equals("PATCH") || method.equals("DELETE"))) {
            String[] parts = path.split("/");
            String account = URLDecoder.decode(parts[2], StandardCharsets.UTF_8);
            String id = URLDecoder.decode(parts[4], StandardCharsets.UTF_8);
            if (!calendar(account).containsKey(id)) {
                Exchanges.send(exchange, 404, Json.write(Map.of("message", "no event " + id + " in " + account)));
                return;
            }
            JsonNode change = method.equals("DELETE") ? Json.object().put("status", "cancelled") : userEvent(Json.read(Exchanges.body(exchange)));
            Exchanges.send(exchange, 200, Json.write(write(account, id, change)));
        } else if (path.equals("/tokens/expire") && method.equals("POST")) {
            Exchanges.send(exchange, 200, Json.write(Map.of("expired", oauth.expireAll())));
        } else if (path.equals("/tokens/lifetime") && method.equals("POST")) {
            long seconds = Long.parseLong(q.getOrDefault("seconds", "3600"));
            oauth.lifetime(seconds);
            Exchanges.send(exchange, 200, Json.write(Map.of("seconds", seconds)));
        } else if (path.equals("/sync-tokens/expire") && method.equals("POST")) {
            syncTokensValidFrom = sequence.get() + 1;
            Exchanges.send(exchange, 200, Json.write(Map.of("validFrom", syncTokensValidFrom)));
        } else if (path.equals("/faults") && method.equals("POST")) {
            Exchanges.send(exchange, 200, Json.write(Map.of("pending", faults.add(q).size())));
        } else if (path.equals("/faults") && method.equals("DELETE")) {
            faults.clear();
            Exchanges.send(exchange, 200, Json.write(Map.of("cleared", true)));
        } else if (path.equals("/calls") && method.equals("GET")) {
            Exchanges.send(exchange, 200, Json.write(new java.util.TreeMap<>(calls)));
        } else if (path.equals("/") || path.isEmpty() || path.equals("/console")) {
            Exchanges.send(exchange, 200, Json.write(Map.of("controls", new ArrayList<>(List.of(
                    "GET /_double/calendars/{account}/events", "POST /_double/calendars/{account}/events {summary, start, end, description}",
                    "PATCH /_double/calendars/{account}/events/{id} {summary, start, end, description}", "DELETE /_double/calendars/{account}/events/{id}",
                    "POST /_double/tokens/expire", "POST /_double/tokens/lifetime?seconds=", "POST /_double/sync-tokens/expire",
                    "POST /_double/faults?kind=error|slow|malformed&count=&delayMillis=", "DELETE /_double/faults", "GET /_double/calls")),
                    "clientId", CLIENT_ID, "defaultAccount", DEFAULT_ACCOUNT)));
        } else {
            Exchanges.send(exchange, 404, Json.write(Map.of("message", "no such control")));
        }
    }

    /** A control's {@code {summary, start, end, description}} as Google's event fields (a date, or a dateTime). */
    private static ObjectNode userEvent(JsonNode given) {
        ObjectNode event = Json.object();
        if (given.hasNonNull("summary")) event.put("summary", given.path("summary").asText());
        if (given.hasNonNull("description")) event.put("description", given.path("description").asText());
        for (String field : new String[] {"start", "end"}) {
            if (!given.hasNonNull(field)) continue;
            String value = given.path(field).asText();
            event.set(field, value.length() == 10 ? Json.object().put("date", value) : Json.object().put("dateTime", value).put("timeZone", "UTC"));
        }
        return event;
    }

    @Override
    public void close() {
        if (server != null) server.stop(0);
        if (notifier != null) notifier.close();
        if (threads != null) threads.shutdownNow();
    }
}
