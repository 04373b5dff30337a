package app.domus.local.partners.crm;

import app.domus.local.json.Json;
import app.domus.local.partners.PartnerDouble;
import app.domus.local.partners.PartnerDoubleContext;
import app.domus.local.template.Template;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;

/**
 * A CRM's double, speaking a RESO Web API (Web API Core 2.0, OData 4 JSON, RESO Data Dictionary 2.0 names) and a
 * Kyero v3 XML feed of the same properties:
 * <ul>
 * <li>{@code POST /oauth2/token} (OAuth 2 client credentials: {@code grant_type=client_credentials}, the client id and
 * secret in the form or as HTTP basic) → {@code {access_token, token_type: "Bearer", expires_in}};</li>
 * <li>{@code GET /odata/Property?$top=&$skip=&$orderby=ListingKey&$expand=Media&$select=} with the bearer token →
 * {@code {"@odata.context", "value": [...], "@odata.nextLink"}} (server-driven paging, at most 200 a page);</li>
 * <li>{@code GET /media/<ListingKey>/<order>.jpg} → a small JPEG (order 404: not found, as a broken link);</li>
 * <li>{@code GET /feeds/kyero.xml} → the Kyero feed (HTTP basic with the same client id and secret).</li>
 * </ul>
 * It holds {@value #PROPERTIES} properties, some broken ({@link CrmProperties}). The test controls under
 * {@code /_double/} change a property, and make the next API calls fail, slow down, answer garbage or refuse the token.
 */
public final class CrmDouble implements PartnerDouble {
    public static final String NAME = "crm";
    /** Template parameter: the base URL that the import functions may fetch over plain HTTP (this double's). */
    public static final String BASE_URL_PARAMETER = "CrmPlainHttpBaseUrl";
    public static final String CLIENT_ID = "domus-import";
    public static final String CLIENT_SECRET = "crm-double-secret";
    public static final int PROPERTIES = 240;
    static final int MAX_PAGE = 200;

    static final List<String> CONTROLS = List.of(
            "GET    /_double/                         this overview: credentials, URLs, pending faults, calls so far",
            "GET    /_double/properties               every property as the API gives it",
            "POST   /_double/properties/{key}  {field: value|null}  change (or remove) fields of a property",
            "POST   /_double/faults?kind=error|slow|malformed|unauthorized&count=N&delayMillis=M  the next N API calls (token, Property, feed; not photos) fail with 500, wait M ms, answer non-JSON, or refuse the token with 401",
            "GET    /_double/faults, DELETE /_double/faults  pending faults; clear them",
            "GET    /_double/calls                    how many calls each route has had");

    enum Kind { ERROR, SLOW, MALFORMED, UNAUTHORIZED }

    record Fault(Kind kind, long delayMillis) {}

    private final Deque<Fault> faults = new ArrayDeque<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, Boolean> tokens = new ConcurrentHashMap<>();
    private final Map<Integer, byte[]> photos = new ConcurrentHashMap<>();
    private CrmProperties properties;
    private HttpServer server;
    private ExecutorService threads;
    private String baseUrl;

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
        baseUrl = context.baseUrl();
        properties = new CrmProperties(PROPERTIES, baseUrl);
        threads = Executors.newVirtualThreadPerTaskExecutor();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", context.port()), 64);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
        return Map.of(BASE_URL_PARAMETER, baseUrl);
    }

    public String baseUrl() {
        return baseUrl;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            try {
                if (path.startsWith("/_double")) {
                    send(exchange, 200, "application/json", Json.write(control(method, path.substring("/_double".length()).replaceAll("^/|/$", ""),
                            query(exchange), body)));
                    return;
                }
                calls.computeIfAbsent(method + " " + route(path), k -> new AtomicInteger()).incrementAndGet();
                if (path.startsWith("/media/")) {
                    media(exchange, path);
                    return;
                }
                Fault fault;
                synchronized (faults) {
                    fault = faults.poll();
                }
                if (fault != null) {
                    switch (fault.kind()) {
                        case ERROR -> {
                            send(exchange, 500, "application/json", "{\"error\":{\"code\":\"500\",\"message\":\"Internal server error (injected)\"}}");
                            return;
                        }
                        case MALFORMED -> {
                            send(exchange, 200, "application/json", "<html>upstream proxy error</html>");
                            return;
                        }
                        case UNAUTHORIZED -> {
                            tokens.clear();
                            send(exchange, 401, "application/json", "{\"error\":\"invalid_token\"}");
                            return;
                        }
                        case SLOW -> sleep(fault.delayMillis());
                    }
                }
                if (method.equals("POST") && path.equals("/oauth2/token")) token(exchange, body);
                else if (method.equals("GET") && path.equals("/odata/Property")) property(exchange);
                else if (method.equals("GET") && path.equals("/feeds/kyero.xml")) feed(exchange);
                else send(exchange, 404, "application/json", "{\"error\":{\"code\":\"404\",\"message\":\"No resource " + path + "\"}}");
            } catch (IllegalArgumentException e) {
                send(exchange, 400, "application/json", Json.write(Map.of("message", String.valueOf(e.getMessage()), "controls", CONTROLS)));
            }
        }
    }

    private void token(HttpExchange exchange, String body) throws IOException {
        Map<String, String> form = decode(body);
        String id = form.get("client_id");
        String secret = form.get("client_secret");
        String basic = exchange.getRequestHeaders().getFirst("Authorization");
        if (basic != null && basic.startsWith("Basic ")) {
            String[] pair = new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8).split(":", 2);
            id = pair[0];
            secret = pair.length > 1 ? pair[1] : "";
        }
        if (!"client_credentials".equals(form.get("grant_type"))) {
            send(exchange, 400, "application/json", "{\"error\":\"unsupported_grant_type\"}");
            return;
        }
        if (!CLIENT_ID.equals(id) || !CLIENT_SECRET.equals(secret)) {
            send(exchange, 401, "application/json", "{\"error\":\"invalid_client\"}");
            return;
        }
        String token = "crm_" + java.util.UUID.randomUUID();
        tokens.put(token, true);
        send(exchange, 200, "application/json", Json.write(Map.of("access_token", token, "token_type", "Bearer", "expires_in", 3600)));
    }

    private void property(HttpExchange exchange) throws IOException {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Bearer ") || !tokens.containsKey(auth.substring(7))) {
            send(exchange, 401, "application/json", "{\"error\":{\"code\":\"401\",\"message\":\"The access token is missing, wrong or expired\"}}");
            return;
        }
        Map<String, String> query = query(exchange);
        int top = Math.min(MAX_PAGE, Integer.parseInt(query.getOrDefault("$top", String.valueOf(MAX_PAGE))));
        int skip = Integer.parseInt(query.getOrDefault("$skip", "0"));
        if (top < 1 || skip < 0) throw new IllegalArgumentException("$top must be at least 1 and $skip at least 0");
        boolean expand = query.getOrDefault("$expand", "").contains("Media");
        List<String> select = query.containsKey("$select") ? List.of(query.get("$select").split(",")) : null;
        List<Map<String, Object>> all = properties.all();
        List<Map<String, Object>> page = new ArrayList<>();
        for (Map<String, Object> p : all.subList(Math.min(skip, all.size()), Math.min(skip + top, all.size()))) {
            Map<String, Object> shown = new LinkedHashMap<>(p);
            if (!expand) shown.remove("Media");
            if (select != null) shown.keySet().retainAll(select);
            page.add(shown);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("@odata.context", baseUrl + "/odata/$metadata#Property");
        answer.put("value", page);
        if (skip + top < all.size()) {
            answer.put("@odata.nextLink", baseUrl + "/odata/Property?$top=" + top + "&$skip=" + (skip + top) + "&$orderby=ListingKey"
                    + (expand ? "&$expand=Media" : "") + (select != null ? "&$select=" + String.join(",", select) : ""));
        }
        send(exchange, 200, "application/json;odata.metadata=minimal", Json.write(answer));
    }

    private void feed(HttpExchange exchange) throws IOException {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        String expected = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(auth)) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"feed\"");
            send(exchange, 401, "text/plain", "Authentication required");
            return;
        }
        send(exchange, 200, "application/xml; charset=utf-8", KyeroXml.feed(properties.all()));
    }

    private void media(HttpExchange exchange, String path) throws IOException {
        String[] parts = path.split("/");
        String order = parts.length > 3 ? parts[3].replace(".jpg", "") : "";
        if (parts.length != 4 || properties.get(parts[2]) == null || order.equals("404")) {
            send(exchange, 404, "text/plain", "Not found");
            return;
        }
        int colour = Math.abs(parts[2].hashCode()) % 8;
        byte[] jpeg = photos.computeIfAbsent(colour, CrmDouble::jpeg);
        exchange.getResponseHeaders().set("Content-Type", "image/jpeg");
        exchange.sendResponseHeaders(200, jpeg.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(jpeg);
        }
    }

    private Object control(String method, String path, Map<String, String> query, String body) {
        String[] parts = path.isEmpty() ? new String[0] : path.split("/");
        String route = method + " " + (parts.length == 2 && parts[0].equals("properties") ? "properties/{key}" : path);
        return switch (route) {
            case "GET " -> {
                Map<String, Object> overview = new LinkedHashMap<>();
                overview.put("reso", Map.of("endpoint", baseUrl + "/odata", "tokenUrl", baseUrl + "/oauth2/token", "clientId", CLIENT_ID,
                        "clientSecret", CLIENT_SECRET));
                overview.put("kyero", Map.of("endpoint", baseUrl + "/feeds/kyero.xml", "username", CLIENT_ID, "password", CLIENT_SECRET));
                overview.put("properties", properties.size());
                overview.put("pendingFaults", pendingFaults());
                overview.put("calls", calls());
                overview.put("controls", CONTROLS);
                yield overview;
            }
            case "GET properties" -> properties.all();
            case "POST properties/{key}" -> {
                Map<String, Object> fields = new LinkedHashMap<>();
                Json.read(body.isBlank() ? "{}" : body).fields().forEachRemaining(f -> fields.put(f.getKey(),
                        f.getValue().isNull() ? null : Json.MAPPER.convertValue(f.getValue(), Object.class)));
                yield properties.change(parts[1], fields);
            }
            case "GET faults" -> pendingFaults();
            case "POST faults" -> {
                Kind kind = Kind.valueOf(required(query, "kind").toUpperCase(Locale.ROOT));
                int count = Integer.parseInt(query.getOrDefault("count", "1"));
                long delay = Long.parseLong(query.getOrDefault("delayMillis", "0"));
                if (count < 1) throw new IllegalArgumentException("count must be at least 1");
                if (kind == Kind.SLOW && delay < 1) throw new IllegalArgumentException("a slow call needs delayMillis");
                synchronized (faults) {
                    for (int i = 0; i < count; i++) faults.add(new Fault(kind, delay));
                }
                yield pendingFaults();
            }
            case "DELETE faults" -> {
                synchronized (faults) {
                    faults.clear();
                }
                yield pendingFaults();
            }
            case "GET calls" -> calls();
            default -> throw new IllegalArgumentException("No control " + route);
        };
    }

    private List<Fault> pendingFaults() {
        synchronized (faults) {
            return List.copyOf(faults);
        }
    }

    private Map<String, Integer> calls() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        calls.forEach((route, n) -> counts.put(route, n.get()));
        return counts;
    }

    private static String route(String path) {
        return path.startsWith("/media/") ? "/media/{key}/{order}.jpg" : path;
    }

    private static byte[] jpeg(int colour) {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(Color.getHSBColor(colour / 8f, 0.6f, 0.9f));
        graphics.fillRect(0, 0, 64, 48);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String required(Map<String, String> query, String name) {
        String value = query.get(name);
        if (value == null || value.isBlank()) throw new IllegalArgumentException("Missing query parameter " + name);
        return value;
    }

    private static Map<String, String> query(HttpExchange exchange) {
        return decode(exchange.getRequestURI().getRawQuery());
    }

    private static Map<String, String> decode(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) return values;
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) values.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        if (server != null) server.stop(0);
        if (threads != null) threads.shutdownNow();
    }
}
