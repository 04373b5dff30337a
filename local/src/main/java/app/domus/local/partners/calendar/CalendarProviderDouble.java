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
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the calendar providers' doubles share: one port for the provider's OAuth endpoints ({@link OAuthServer}) and its
 * calendar API (the subclass's routes), calendars per account with a change sequence, change notifications POSTed on
 * their own threads, injected faults on the token endpoint and the API, calls counted by kind, and the test controls
 * under {@code /_double/}: an account's events ({@code GET}, {@code POST {summary, start, end, description}},
 * {@code PATCH} / {@code DELETE .../events/{id}}, as a person would in the provider's own app),
 * {@code POST /_double/tokens/expire}, {@code /tokens/lifetime?seconds=}, the sync cursors' expiry, {@code /faults}
 * ({@code kind=error|slow|malformed&count=&delayMillis=}, {@code DELETE} clears) and {@code GET /_double/calls}.
 */
abstract class CalendarProviderDouble implements PartnerDouble {
    interface Handler {
        void handle(HttpExchange exchange) throws Exception;
    }

    protected final Map<String, Integer> calls = new ConcurrentHashMap<>();
    protected final Map<String, Map<String, ObjectNode>> calendars = new ConcurrentHashMap<>();
    /** Per account and event: the sequence number of its last change. */
    protected final Map<String, Map<String, Long>> changedAt = new ConcurrentHashMap<>();
    protected final AtomicLong sequence = new AtomicLong();
    protected final InjectedFaults faults = new InjectedFaults();
    protected final OAuthServer oauth;
    /** Sync cursors from before this sequence number are refused (a full sync is required). */
    protected volatile long cursorsValidFrom;
    protected String baseUrl;
    private final String clientId;
    private final String clientSecret;
    private final String defaultAccount;
    private HttpServer server;
    private ExecutorService threads;
    private HttpClient notifier;

    CalendarProviderDouble(String clientId, String clientSecret, String defaultAccount, String accessPrefix, boolean rotateRefreshTokens) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.defaultAccount = defaultAccount;
        this.oauth = new OAuthServer(clientId, clientSecret, defaultAccount, accessPrefix, rotateRefreshTokens, this::count);
    }

    /** The template parameters pointed at this double: its base URLs first, then the client id's and secret's. */
    abstract List<String> baseUrlParameters();

    abstract String clientIdParameter();


    /** The provider's own routes: its OAuth endpoints' paths and its API. */
    abstract void routes(HttpServer server);

    /** An error in the provider's shape. */
    abstract void error(HttpExchange exchange, int status, String code, String message) throws IOException;

    /** The control path that expires the sync cursors (e.g. {@code /sync-tokens/expire}). */
    abstract String cursorsControl();

    /** A person's change in the provider's own app ({@code id} null: a new event), notified like any. */
    abstract ObjectNode userWrite(String account, String id, JsonNode given);

    abstract void userDelete(String account, String id);

    @Override
    public boolean neededBy(Template template) {
        return template.parameters().containsKey(baseUrlParameters().getFirst());
    }

    @Override
    public Map<String, String> start(PartnerDoubleContext context) throws Exception {
        faults.attach(name(), context.faults());
        baseUrl = context.baseUrl();
        threads = Executors.newVirtualThreadPerTaskExecutor();
        notifier = HttpClient.newBuilder().executor(threads).connectTimeout(Duration.ofSeconds(3)).build();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", context.port()), 64);
        server.setExecutor(threads);
        routes(server);
        server.createContext("/_double", exchange -> guarded(exchange, this::controls));
        server.start();
        Map<String, String> overrides = new LinkedHashMap<>();
        baseUrlParameters().forEach(p -> overrides.put(p, context.baseUrl()));
        overrides.put(clientIdParameter(), clientId);
        return overrides;
    }

    void guarded(HttpExchange exchange, Handler handler) throws IOException {
        try {
            handler.handle(exchange);
        } catch (IllegalArgumentException e) {
            error(exchange, 400, "badRequest", String.valueOf(e.getMessage()));
        } catch (Exception e) {
            error(exchange, 500, "internalError", String.valueOf(e.getMessage()));
        } finally {
            exchange.close();
        }
    }

    /** The pending injected fault of this call, applied: true when it answered already. */
    boolean misbehave(HttpExchange exchange) throws IOException {
        InjectedFaults.Fault fault = faults.next();
        if (fault == null) return false;
        switch (fault.kind()) {
            case ERROR -> {
                error(exchange, 503, "unavailable", "The service is currently unavailable.");
                return true;
            }
            case SLOW -> InjectedFaults.pause(fault.delayMillis());
            case MALFORMED -> {
                Exchanges.send(exchange, 200, "text/html", "<html><body>Down for maintenance</body></html>");
                return true;
            }
        }
        return false;
    }

    void count(String kind) {
        calls.merge(kind, 1, Integer::sum);
    }

    /** The token endpoint, behind the injected faults. */
    void token(HttpExchange exchange) throws Exception {
        String body = Exchanges.body(exchange);
        if (misbehave(exchange)) return;
        oauth.token(exchange, body);
    }

    Map<String, ObjectNode> calendar(String account) {
        return calendars.computeIfAbsent(account, a -> new ConcurrentHashMap<>());
    }

    /** Records a change of the event: the next sequence number, which the sync cursors compare with. */
    long changed(String account, String id) {
        long seq = sequence.incrementAndGet();
        changedAt.computeIfAbsent(account, a -> new ConcurrentHashMap<>()).put(id, seq);
        return seq;
    }

    /** Sends a notification on its own thread, counting it and its answer by kind. */
    void notify(HttpRequest request, String kind) {
        count("notification:" + kind);
        notifier.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenAccept(r -> count("notification-answer:" + r.statusCode()))
                .exceptionally(e -> {
                    count("notification-failed");
                    return null;
                });
    }

    /** A notification the provider needs answered before it goes on (Graph's validation handshake). */
    HttpResponse<String> call(HttpRequest request) throws IOException, InterruptedException {
        return notifier.send(request, HttpResponse.BodyHandlers.ofString());
    }

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
            Exchanges.send(exchange, 200, Json.write(userWrite(account, null, Json.read(Exchanges.body(exchange)))));
        } else if (path.matches("/calendars/[^/]+/events/[^/]+") && (method.equals("PATCH") || method.equals("DELETE"))) {
            String[] parts = path.split("/");
            String account = URLDecoder.decode(parts[2], StandardCharsets.UTF_8);
            String id = URLDecoder.decode(parts[4], StandardCharsets.UTF_8);
            if (!calendar(account).containsKey(id)) {
                Exchanges.send(exchange, 404, Json.write(Map.of("message", "no event " + id + " in " + account)));
            } else if (method.equals("DELETE")) {
                userDelete(account, id);
                Exchanges.send(exchange, 200, Json.write(Map.of("deleted", id)));
            } else {
                Exchanges.send(exchange, 200, Json.write(userWrite(account, id, Json.read(Exchanges.body(exchange)))));
            }
        } else if (path.equals("/tokens/expire") && method.equals("POST")) {
            Exchanges.send(exchange, 200, Json.write(Map.of("expired", oauth.expireAll())));
        } else if (path.equals("/tokens/lifetime") && method.equals("POST")) {
            long seconds = Long.parseLong(q.getOrDefault("seconds", "3600"));
            oauth.lifetime(seconds);
            Exchanges.send(exchange, 200, Json.write(Map.of("seconds", seconds)));
        } else if (path.equals(cursorsControl()) && method.equals("POST")) {
            cursorsValidFrom = sequence.get() + 1;
            Exchanges.send(exchange, 200, Json.write(Map.of("validFrom", cursorsValidFrom)));
        } else if (path.equals("/faults") && method.equals("POST")) {
            Exchanges.send(exchange, 200, Json.write(Map.of("pending", faults.add(q).size())));
        } else if (path.equals("/faults") && method.equals("DELETE")) {
            faults.clear();
            Exchanges.send(exchange, 200, Json.write(Map.of("cleared", true)));
        } else if (path.equals("/calls") && method.equals("GET")) {
            Exchanges.send(exchange, 200, Json.write(new java.util.TreeMap<>(calls)));
        } else if (path.equals("/revocations") && method.equals("GET")) {
            Exchanges.send(exchange, 200, Json.write(Map.of("accounts", oauth.revokedAccounts())));
        } else if (path.equals("/") || path.isEmpty() || path.equals("/console")) {
            Exchanges.send(exchange, 200, Json.write(Map.of("controls", new ArrayList<>(List.of(
                    "GET /_double/calendars/{account}/events", "POST /_double/calendars/{account}/events {summary, start, end, description}",
                    "PATCH /_double/calendars/{account}/events/{id} {summary, start, end, description}", "DELETE /_double/calendars/{account}/events/{id}",
                    "POST /_double/tokens/expire", "POST /_double/tokens/lifetime?seconds=", "POST /_double" + cursorsControl(),
                    "POST /_double/faults?kind=error|slow|malformed&count=&delayMillis=", "DELETE /_double/faults", "GET /_double/calls", "GET /_double/revocations")),
                    "clientId", clientId, "defaultAccount", defaultAccount)));
        } else {
            Exchanges.send(exchange, 404, Json.write(Map.of("message", "no such control")));
        }
    }

    @Override
    public void close() {
        if (server != null) server.stop(0);
        if (notifier != null) notifier.close();
        if (threads != null) threads.shutdownNow();
    }
}
