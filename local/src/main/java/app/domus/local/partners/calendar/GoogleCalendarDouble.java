package app.domus.local.partners.calendar;

import app.domus.local.json.Json;
import app.domus.local.partners.Exchanges;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A double of the Google Calendar API v3 subset Domus uses, and of Google's OAuth 2 endpoints, on one port:
 * <ul>
 *   <li>{@code GET /o/oauth2/v2/auth?client_id&redirect_uri&response_type=code&scope&state&code_challenge&code_challenge_method=S256}
 *       consents at once (the account is {@code login_hint}, else {@value #DEFAULT_ACCOUNT}) and redirects (302) to
 *       {@code redirect_uri?code=&state=}; {@code POST /token} (form) exchanges a code with its PKCE verifier and the
 *       client's secret, or a refresh token ({@code invalid_grant} otherwise), access tokens living
 *       {@code expires_in} seconds (3600 unless set by a control); {@code POST /revoke?token=} (or the token in the form)
 *       ends the token's grant, 200, or 400 {@code invalid_token} for a token it does not know;</li>
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
 * {@code DELETE /_double/faults}; {@code GET /_double/calls} (calls answered by kind, notifications sent);
 * {@code GET /_double/revocations} (the accounts whose grant was revoked, in order).
 */
public final class GoogleCalendarDouble extends CalendarProviderDouble {
    public static final String NAME = "google-calendar";
    public static final String CLIENT_ID = "domus-local.apps.googleusercontent.com";
    public static final String CLIENT_SECRET = "GOCSPX-domus-local-double";
    public static final String DEFAULT_ACCOUNT = "demo.user@gmail.test";

    private record Channel(String id, String token, String address, String resourceId, AtomicLong messages) {}

    private final Map<String, List<Channel>> channels = new ConcurrentHashMap<>();

    public GoogleCalendarDouble() {
        super(CLIENT_ID, CLIENT_SECRET, DEFAULT_ACCOUNT, "ya29.a0", false);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    List<String> baseUrlParameters() {
        return List.of("GoogleOAuthBaseUrl", "GoogleTokenBaseUrl", "GoogleCalendarApiBaseUrl");
    }

    @Override
    String clientIdParameter() {
        return "GoogleCalendarClientId";
    }

    @Override
    String cursorsControl() {
        return "/sync-tokens/expire";
    }

    @Override
    void routes(HttpServer server) {
        server.createContext("/o/oauth2/v2/auth", exchange -> guarded(exchange, oauth::authorize));
        server.createContext("/token", exchange -> guarded(exchange, this::token));
        server.createContext("/revoke", exchange -> guarded(exchange, this::revoke));
        server.createContext("/calendar/v3/calendars/", exchange -> guarded(exchange, this::events));
    }

    /** The revocation endpoint, behind the injected faults like the token endpoint. */
    private void revoke(HttpExchange exchange) throws Exception {
        if (!exchange.getRequestMethod().equals("POST")) throw new IllegalArgumentException("POST only");
        String body = Exchanges.body(exchange);
        if (misbehave(exchange)) return;
        oauth.revoke(exchange, body);
    }

    @Override
    void error(HttpExchange exchange, int status, String reason, String message) throws IOException {
        ObjectNode body = Json.object();
        ObjectNode error = body.putObject("error").put("code", status).put("message", message);
        error.putArray("errors").addObject().put("domain", "global").put("reason", reason).put("message", message);
        Exchanges.send(exchange, status, Json.write(body));
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
            if (since < cursorsValidFrom) {
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

    /** Inserts ({@code id} null) or patches an event, bumping its etag and the calendar's sequence, then notifies. */
    private ObjectNode write(String account, String id, JsonNode patch) {
        ObjectNode event;
        long seq;
        synchronized (this) {
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
            seq = changed(account, id);
            event.put("etag", "\"" + (3_400_000_000_000_000L + seq) + "\"").put("updated", Instant.now().toString());
            calendar.put(id, event);
        }
        for (Channel channel : channels.getOrDefault(account, List.of())) notify(channel, "exists");
        return event;
    }

    /** POSTs a change notification to the channel's address, as Google does (no body). */
    private void notify(Channel channel, String state) {
        long number = channel.messages().incrementAndGet();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(channel.address())).timeout(Duration.ofSeconds(10))
                .header("X-Goog-Channel-ID", channel.id()).header("X-Goog-Resource-ID", channel.resourceId())
                .header("X-Goog-Resource-State", state).header("X-Goog-Message-Number", String.valueOf(number))
                .header("X-Goog-Resource-URI", "https://www.googleapis.com/calendar/v3/calendars/primary/events?alt=json")
                .header("X-Goog-Channel-Expiration", "Tue, 08 Dec 2026 00:00:00 GMT")
                .POST(HttpRequest.BodyPublishers.noBody());
        if (channel.token() != null) request.header("X-Goog-Channel-Token", channel.token());
        notify(request.build(), state);
    }

    // ---------------------------------------------------------------- controls

    @Override
    ObjectNode userWrite(String account, String id, JsonNode given) {
        return write(account, id, userEvent(given));
    }

    @Override
    void userDelete(String account, String id) {
        write(account, id, Json.object().put("status", "cancelled"));
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
}
