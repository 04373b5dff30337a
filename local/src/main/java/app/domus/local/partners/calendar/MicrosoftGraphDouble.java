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
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A double of the Microsoft Graph v1.0 calendar subset Domus uses, and of the Microsoft identity platform's OAuth 2
 * endpoints, on one port:
 * <ul>
 *   <li>{@code GET /common/oauth2/v2.0/authorize} consents at once (account {@code login_hint}, else
 *       {@value #DEFAULT_ACCOUNT}) and redirects with a code; {@code POST /common/oauth2/v2.0/token} exchanges it
 *       against its PKCE verifier, or a refresh token (a new refresh token each time, as Microsoft's);</li>
 *   <li>{@code GET /v1.0/me/calendarView/delta?startDateTime&endDateTime}, then its {@code @odata.nextLink} and
 *       {@code @odata.deltaLink} (deleted events as {@code @removed}; an expired delta token 410
 *       {@code SyncStateNotFound}); {@code /v1.0/me/events} insert and {@code $filter} on a single-value extended
 *       property; {@code /v1.0/me/events/{id}} get, patch, delete;</li>
 *   <li>{@code POST /v1.0/subscriptions} on {@code me/events}: the notification URL's validation handshake first
 *       ({@code validationToken} echoed in plain text within 10 seconds, else 400), then every change POSTs
 *       {@code {"value": [{subscriptionId, clientState, changeType, resource, resourceData}]}} there.</li>
 * </ul>
 * Test controls under {@code /_double/}, as the Google double's: an account's events ({@code GET}, {@code POST},
 * {@code PATCH} / {@code DELETE .../events/{id}}), {@code POST /_double/tokens/expire}, {@code /tokens/lifetime?seconds=},
 * {@code /delta-tokens/expire}, {@code /faults}, {@code GET /_double/calls}.
 */
public final class MicrosoftGraphDouble extends CalendarProviderDouble {
    public static final String NAME = "microsoft-graph";
    public static final String CLIENT_ID = "0d5c1f9e-d0m5-4ca1-b0a5-10ca1c1a4d01";
    public static final String CLIENT_SECRET = "domus~local~graph~double~secret";
    public static final String DEFAULT_ACCOUNT = "demo.user@outlook.test";
    private static final Pattern DOMUS_FILTER = Pattern.compile("ep/value eq '((?:[^']|'')*)'");

    private record Subscription(String id, String clientState, String notificationUrl, String expires) {}

    /** Per account: the events deleted (the delta's {@code @removed} entries). */
    private final Map<String, Map<String, Boolean>> deleted = new ConcurrentHashMap<>();
    private final Map<String, List<Subscription>> subscriptions = new ConcurrentHashMap<>();

    public MicrosoftGraphDouble() {
        super(CLIENT_ID, CLIENT_SECRET, DEFAULT_ACCOUNT, "EwB", true);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    List<String> baseUrlParameters() {
        return List.of("MicrosoftLoginBaseUrl", "MicrosoftGraphBaseUrl");
    }

    @Override
    String clientIdParameter() {
        return "OutlookCalendarClientId";
    }

    @Override
    String cursorsControl() {
        return "/delta-tokens/expire";
    }

    @Override
    void routes(HttpServer server) {
        server.createContext("/common/oauth2/v2.0/authorize", exchange -> guarded(exchange, oauth::authorize));
        server.createContext("/common/oauth2/v2.0/token", exchange -> guarded(exchange, this::token));
        server.createContext("/v1.0/", exchange -> guarded(exchange, this::graph));
    }

    @Override
    void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        ObjectNode body = Json.object();
        body.putObject("error").put("code", code).put("message", message).putObject("innerError").put("request-id", UUID.randomUUID().toString());
        Exchanges.send(exchange, status, Json.write(body));
    }

    // ---------------------------------------------------------------- Graph

    private void graph(HttpExchange exchange) throws Exception {
        String account = oauth.account(exchange);
        if (account == null) {
            error(exchange, 401, "InvalidAuthenticationToken", "Access token has expired or is not yet valid.");
            return;
        }
        if (misbehave(exchange)) return;
        String path = exchange.getRequestURI().getRawPath().substring("/v1.0".length());
        String method = exchange.getRequestMethod();
        if (path.equals("/me/calendarView/delta") && method.equals("GET")) delta(exchange, account);
        else if (path.equals("/me/events") && method.equals("POST")) {
            count("insert");
            ObjectNode event = write(account, null, Json.read(Exchanges.body(exchange)), "created");
            Exchanges.send(exchange, 201, Json.write(event));
        } else if (path.equals("/me/events") && method.equals("GET")) find(exchange, account);
        else if (path.startsWith("/me/events/")) {
            String id = URLDecoder.decode(path.substring("/me/events/".length()), StandardCharsets.UTF_8);
            ObjectNode existing = calendar(account).get(id);
            if (existing == null) {
                error(exchange, 404, "ErrorItemNotFound", "The specified object was not found in the store.");
                return;
            }
            switch (method) {
                case "GET" -> Exchanges.send(exchange, 200, Json.write(existing));
                case "PATCH" -> {
                    count("patch");
                    Exchanges.send(exchange, 200, Json.write(write(account, id, Json.read(Exchanges.body(exchange)), "updated")));
                }
                case "DELETE" -> {
                    count("delete");
                    remove(account, id);
                    Exchanges.send(exchange, 204, "");
                }
                default -> error(exchange, 405, "MethodNotAllowed", method);
            }
        } else if (path.equals("/subscriptions") && method.equals("POST")) subscribe(exchange, account);
        else if (path.startsWith("/subscriptions/") && method.equals("DELETE")) unsubscribe(exchange, account,
                URLDecoder.decode(path.substring("/subscriptions/".length()), StandardCharsets.UTF_8));
        else error(exchange, 404, "ResourceNotFound", "Resource not found for the segment '" + path + "'.");
    }

    private void delta(HttpExchange exchange, String account) throws IOException {
        count("delta");
        Map<String, String> q = Exchanges.query(exchange);
        long since;
        int offset = 0;
        boolean initial;
        if (q.containsKey("$deltatoken")) {
            since = Long.parseLong(q.get("$deltatoken"));
            initial = false;
            if (since < cursorsValidFrom) {
                error(exchange, 410, "SyncStateNotFound", "The sync state generation is not found.");
                return;
            }
        } else if (q.containsKey("$skiptoken")) {
            String[] parts = q.get("$skiptoken").split("\\.");
            since = Long.parseLong(parts[0]);
            offset = Integer.parseInt(parts[1]);
            initial = since < 0;
        } else {
            if (!q.containsKey("startDateTime") || !q.containsKey("endDateTime")) {
                throw new IllegalArgumentException("This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.");
            }
            since = -1;
            initial = true;
        }
        long seen = sequence.get();
        long from = since;
        Map<String, Long> changed = changedAt.computeIfAbsent(account, a -> new ConcurrentHashMap<>());
        Map<String, Boolean> gone = deleted.computeIfAbsent(account, a -> new ConcurrentHashMap<>());
        List<String> ids = changed.entrySet().stream().filter(e -> e.getValue() > from).filter(e -> !initial || !gone.containsKey(e.getKey()))
                .sorted(Map.Entry.comparingByValue()).map(Map.Entry::getKey).toList();
        int page = 50;
        ObjectNode answer = Json.object().put("@odata.context", baseUrl + "/v1.0/$metadata#Collection(event)");
        ArrayNode value = answer.putArray("value");
        for (String id : ids.subList(Math.min(offset, ids.size()), Math.min(ids.size(), offset + page))) {
            if (gone.containsKey(id)) {
                value.addObject().put("@odata.type", "#microsoft.graph.event").put("id", id).putObject("@removed").put("reason", "deleted");
            } else {
                ObjectNode e = calendar(account).get(id).deepCopy();
                e.remove("singleValueExtendedProperties");
                value.add(e);
            }
        }
        if (offset + page < ids.size()) answer.put("@odata.nextLink", baseUrl + "/v1.0/me/calendarView/delta?$skiptoken=" + since + "." + (offset + page));
        else answer.put("@odata.deltaLink", baseUrl + "/v1.0/me/calendarView/delta?$deltatoken=" + seen);
        Exchanges.send(exchange, 200, Json.write(answer));
    }

    private void find(HttpExchange exchange, String account) throws IOException {
        count("find");
        String filter = Exchanges.query(exchange).get("$filter");
        Matcher m = filter == null ? null : DOMUS_FILTER.matcher(filter);
        if (m == null || !m.find()) throw new IllegalArgumentException("Only a $filter on a single-value extended property is supported here");
        String wanted = m.group(1).replace("''", "'");
        ArrayNode value = Json.MAPPER.createArrayNode();
        calendar(account).values().stream().filter(e -> {
            for (JsonNode p : e.path("singleValueExtendedProperties")) if (wanted.equals(p.path("value").asText())) return true;
            return false;
        }).forEach(value::add);
        Exchanges.send(exchange, 200, Json.write(Json.object().set("value", value)));
    }

    private void subscribe(HttpExchange exchange, String account) throws Exception {
        count("subscribe");
        JsonNode body = Json.read(Exchanges.body(exchange));
        String url = body.path("notificationUrl").asText(null);
        if (url == null || !"me/events".equalsIgnoreCase(body.path("resource").asText())) throw new IllegalArgumentException("notificationUrl and resource me/events are required");
        String token = "Validation: Testing client application reachability for subscription Request-Id: " + UUID.randomUUID();
        HttpResponse<String> validation = call(HttpRequest.newBuilder(URI.create(url + (url.contains("?") ? "&" : "?") + "validationToken="
                + URLEncoder.encode(token, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(10)).header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        if (validation.statusCode() != 200 || !token.equals(validation.body())) {
            count("subscription-validation-failed");
            error(exchange, 400, "ValidationError", "Subscription validation request failed. Response must exactly match validationToken query parameter.");
            return;
        }
        String expires = body.path("expirationDateTime").asText(Instant.now().plus(Duration.ofDays(2)).toString());
        Subscription subscription = new Subscription(UUID.randomUUID().toString(), body.path("clientState").asText(null), url, expires);
        subscriptions.computeIfAbsent(account, a -> new CopyOnWriteArrayList<>()).add(subscription);
        Exchanges.send(exchange, 201, Json.write(Json.object().put("@odata.context", baseUrl + "/v1.0/$metadata#subscriptions/$entity")
                .put("id", subscription.id()).put("resource", "me/events").put("changeType", body.path("changeType").asText())
                .put("clientState", subscription.clientState()).put("notificationUrl", url).put("expirationDateTime", expires)));
    }

    /** {@code DELETE /subscriptions/{id}}: 204 and no more notifications; 404 for one this account does not have. */
    private void unsubscribe(HttpExchange exchange, String account, String id) throws IOException {
        List<Subscription> own = subscriptions.getOrDefault(account, List.of());
        if (!own.removeIf(s -> s.id().equals(id))) {
            error(exchange, 404, "ResourceNotFound", "The object was not found.");
            return;
        }
        count("unsubscribe");
        Exchanges.send(exchange, 204, "");
    }

    private ObjectNode write(String account, String id, JsonNode patch, String change) {
        ObjectNode event;
        synchronized (this) {
            if (id == null) {
                id = "AAMkAD" + UUID.randomUUID().toString().replace("-", "");
                event = Json.object().put("@odata.type", "#microsoft.graph.event").put("id", id).put("createdDateTime", Instant.now().toString())
                        .put("isCancelled", false).put("isAllDay", false);
                event.putObject("organizer").putObject("emailAddress").put("address", account);
            } else {
                event = calendar(account).get(id).deepCopy();
            }
            for (var it = patch.fields(); it.hasNext(); ) {
                var field = it.next();
                if (!field.getKey().equals("id") && !field.getKey().startsWith("@odata")) event.set(field.getKey(), field.getValue());
            }
            String changeKey = "CQAAABYAAAB" + Long.toString(changed(account, id), 36);
            event.put("@odata.etag", "W/\"" + changeKey + "\"").put("changeKey", changeKey).put("lastModifiedDateTime", Instant.now().toString());
            calendar(account).put(id, event);
        }
        notifyAll(account, id, change);
        return event;
    }

    private void remove(String account, String id) {
        synchronized (this) {
            calendar(account).remove(id);
            changed(account, id);
            deleted.computeIfAbsent(account, a -> new ConcurrentHashMap<>()).put(id, true);
        }
        notifyAll(account, id, "deleted");
    }

    private void notifyAll(String account, String id, String change) {
        for (Subscription s : subscriptions.getOrDefault(account, List.of())) {
            ObjectNode body = Json.object();
            ObjectNode item = body.putArray("value").addObject().put("subscriptionId", s.id()).put("subscriptionExpirationDateTime", s.expires())
                    .put("changeType", change).put("resource", "Users/" + account + "/Events/" + id).put("tenantId", "00000000-0000-0000-0000-000000000001");
            if (s.clientState() != null) item.put("clientState", s.clientState());
            item.putObject("resourceData").put("@odata.type", "#Microsoft.Graph.Event").put("@odata.id", "Users/" + account + "/Events/" + id).put("id", id);
            notify(HttpRequest.newBuilder(URI.create(s.notificationUrl())).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(Json.write(body))).build(), change);
        }
    }

    // ---------------------------------------------------------------- controls

    @Override
    ObjectNode userWrite(String account, String id, JsonNode given) {
        return write(account, id, userEvent(given), id == null ? "created" : "updated");
    }

    @Override
    void userDelete(String account, String id) {
        remove(account, id);
    }

    /** A control's {@code {summary, start, end, description}} as Graph's event fields (a date makes an all-day event). */
    private static ObjectNode userEvent(JsonNode given) {
        ObjectNode event = Json.object();
        if (given.hasNonNull("summary")) event.put("subject", given.path("summary").asText());
        if (given.hasNonNull("description")) event.putObject("body").put("contentType", "text").put("content", given.path("description").asText());
        for (String field : new String[] {"start", "end"}) {
            if (!given.hasNonNull(field)) continue;
            String value = given.path(field).asText();
            boolean date = value.length() == 10;
            if (date) event.put("isAllDay", true);
            event.putObject(field).put("dateTime", date ? value + "T00:00:00.0000000" : value.replace("Z", "")).put("timeZone", "UTC");
        }
        return event;
    }
}
