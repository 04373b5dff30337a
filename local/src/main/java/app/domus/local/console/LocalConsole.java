package app.domus.local.console;

import app.domus.local.http.HttpRoute;
import app.domus.local.iot.simulator.MeterSimulator;
import app.domus.local.iot.simulator.SimulationPlan;
import app.domus.local.json.Json;
import app.domus.local.runtime.FunctionError;
import app.domus.local.runtime.LocalFunction;
import app.domus.local.schedule.Schedules;
import app.domus.local.seed.DemoAccount;
import app.domus.local.seed.DemoData;
import app.domus.shared.http.Problem;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The local console under {@code /_local/}: health, outbox, demo accounts, queues, domain events, schedules (and
 * firing one), functions, and the API documentation in Swagger UI. Everything but the docs answers JSON, so tests and
 * scripts use the same pages a newcomer opens in the browser.
 */
public final class LocalConsole implements HttpHandler {
    private static final String SWAGGER_UI = "META-INF/resources/webjars/swagger-ui/5.18.2/";

    private final Outbox outbox;
    private final PublishedEvents events;
    private final DemoData demoData;
    private final Function<DemoAccount, String> demoTokens;
    private final Schedules schedules;
    private final QueueInspector queues;
    private final Supplier<Map<String, Object>> health;
    private final Collection<LocalFunction> functions;
    private final List<HttpRoute> routes;
    private final Path templateDirectory;
    private final Map<String, String> endpoints;
    private final Outages outages;
    private final MeterSimulator meterSimulator;

    /**
     * @param demoTokens mints a bearer token for a demo account
     * @param health     each component's state, for {@code /_local/health}
     * @param endpoints  every endpoint's name and URL, shown with the demo accounts
     */
    public LocalConsole(Outbox outbox, PublishedEvents events, DemoData demoData, Function<DemoAccount, String> demoTokens,
                        Schedules schedules, QueueInspector queues, Supplier<Map<String, Object>> health,
                        Collection<LocalFunction> functions, List<HttpRoute> routes, Path templateDirectory, Map<String, String> endpoints,
                        Outages outages, MeterSimulator meterSimulator) {
        this.outages = outages;
        this.meterSimulator = meterSimulator;
        this.outbox = outbox;
        this.events = events;
        this.demoData = demoData;
        this.demoTokens = demoTokens;
        this.schedules = schedules;
        this.queues = queues;
        this.health = health;
        this.functions = functions;
        this.routes = routes;
        this.templateDirectory = templateDirectory;
        this.endpoints = endpoints;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!app.domus.local.http.LoopbackHosts.admit(exchange)) return;
        try (exchange; InputStream ignored = exchange.getRequestBody()) {
            String page = exchange.getRequestURI().getPath().substring("/_local/".length());
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            boolean post = exchange.getRequestMethod().equals("POST");
            if (page.isEmpty()) {
                send(exchange, 200, "text/html; charset=utf-8", INDEX);
            } else if (page.equals("health")) {
                Map<String, Object> state = health.get();
                sendJson(exchange, "UP".equals(state.get("status")) ? 200 : 503, state);
            } else if (page.equals("outbox")) {
                sendJson(exchange, 200, outbox.messages(query.get("to")), Outbox.mapper());
            } else if (page.equals("demo")) {
                sendJson(exchange, 200, demo());
            } else if (page.equals("queues")) {
                sendJson(exchange, 200, queues.queues());
            } else if (page.equals("events")) {
                sendJson(exchange, 200, events.recent(query.get("type")), Outbox.mapper());
            } else if (page.equals("functions")) {
                sendJson(exchange, 200, functions.stream().map(function -> Map.of(
                        "name", function.definition().logicalId(), "handler", function.definition().handler(),
                        "invocations", function.invocationCount(), "errors", function.errorCount())).toList());
            } else if (page.equals("schedules") && !post) {
                sendJson(exchange, 200, schedules.all().stream().map(schedule -> Map.of("function", schedule.functionLogicalId(),
                        "event", schedule.eventName(), "expression", schedule.expression(), "enabled", schedule.enabled(),
                        "fire", "POST /_local/schedules/" + schedule.functionLogicalId() + "/fire")).toList());
            } else if (page.startsWith("schedules/") && page.endsWith("/fire") && post) {
                fire(exchange, page.substring("schedules/".length(), page.length() - "/fire".length()), query.get("at"));
            } else if (page.equals("outages") && !post) {
                sendJson(exchange, 200, outages.state());
            } else if (page.startsWith("outages/") && post) {
                outage(exchange, page.substring("outages/".length()), query);
            } else if (page.equals("meters/simulator")) {
                meterSimulator(exchange);
            } else if (page.equals("api-docs")) {
                exchange.getResponseHeaders().set("Location", "/_local/api-docs/");
                send(exchange, 302, null, "");
            } else if (page.equals("api-docs/openapi")) {
                OpenApiDocument.Document document = OpenApiDocument.find(templateDirectory, routes, endpoints.get("http"));
                send(exchange, 200, document.contentType(), document.text());
            } else if (page.startsWith("api-docs/")) {
                swaggerUi(exchange, page.substring("api-docs/".length()));
            } else {
                sendJson(exchange, 404, Map.of("message", "No console page " + page, "pages", List.of("health", "outbox", "demo",
                        "queues", "events", "functions", "schedules", "outages", "meters/simulator", "api-docs")));
            }
        } catch (RuntimeException e) {
            sendJson(exchange, 500, Map.of("message", String.valueOf(e.getMessage())));
        }
    }

    private Map<String, Object> demo() {
        Map<String, Object> demo = new LinkedHashMap<>();
        demo.put("accounts", demoData.accounts().stream().map(account -> {
            Map<String, Object> shown = new LinkedHashMap<>();
            shown.put("key", account.key());
            shown.put("role", account.role());
            shown.put("displayName", account.displayName());
            shown.put("email", account.email());
            shown.put("password", account.password());
            shown.put("userId", account.userId());
            shown.put("bearerToken", demoTokens.apply(account));
            return shown;
        }).toList());
        demo.put("invitationCodes", demoData.invitationCodes());
        demo.put("ids", demoData.ids());
        demo.put("endpoints", endpoints);
        return demo;
    }

    /** {@code POST /_local/outages/sns?seconds=30} takes SNS down (for 30 s, or until ended); {@code ?end=true} ends it. */
    private void outage(HttpExchange exchange, String service, Map<String, String> query) throws IOException {
        try {
            if (Boolean.parseBoolean(query.get("end"))) {
                outages.end(service);
            } else {
                String seconds = query.get("seconds");
                outages.start(service, seconds == null ? null : java.time.Duration.ofSeconds(Long.parseLong(seconds)));
            }
            sendJson(exchange, 200, outages.state());
        } catch (IllegalArgumentException e) {
            sendJson(exchange, 400, Map.of("message", String.valueOf(e.getMessage())));
        }
    }

    /**
     * {@code POST /_local/meters/simulator} starts simulated smart meters with the given credentials (stopping a running
     * simulation first), {@code GET} shows how they fare, {@code DELETE} stops them.
     */
    private void meterSimulator(HttpExchange exchange) throws IOException {
        try {
            switch (exchange.getRequestMethod()) {
                case "GET" -> sendJson(exchange, 200, meterSimulator.status());
                case "DELETE" -> sendJson(exchange, 200, meterSimulator.stop());
                case "POST" -> {
                    SimulationPlan plan;
                    try {
                        plan = SimulationPlan.parse(Json.readOrNull(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                    } catch (IllegalArgumentException e) {
                        sendProblem(exchange, 400, "Bad Request", e.getMessage());
                        return;
                    }
                    sendJson(exchange, 202, meterSimulator.start(plan));
                }
                default -> {
                    exchange.getResponseHeaders().set("Allow", "GET, POST, DELETE");
                    sendProblem(exchange, 405, "Method Not Allowed", "/_local/meters/simulator takes GET, POST and DELETE");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sendProblem(exchange, 503, "Service Unavailable", "interrupted while stopping the running simulation");
        }
    }

    /** An RFC 9457 problem, as the platform's own handlers answer errors. */
    private static void sendProblem(HttpExchange exchange, int status, String title, String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", exchange.getRequestURI().getPath());
        send(exchange, status, Problem.MEDIA_TYPE, Json.pretty(problem));
    }

    /** {@code POST /_local/schedules/{Function}/fire} fires the function's schedules now; {@code ?at=<ISO instant>} as if due then. */
    private void fire(HttpExchange exchange, String functionLogicalId, String at) throws IOException {
        java.time.Instant due;
        try {
            due = at == null || at.isBlank() ? java.time.Instant.now() : java.time.Instant.parse(at);
        } catch (java.time.format.DateTimeParseException e) {
            sendProblem(exchange, 400, "Bad Request", "at must be an ISO-8601 instant such as 2026-12-02T07:00:00Z, not " + at);
            return;
        }
        try {
            int fired = schedules.fireAsAt(functionLogicalId, due);
            sendJson(exchange, 200, Map.of("function", functionLogicalId, "schedulesFired", fired));
        } catch (IllegalArgumentException e) {
            sendJson(exchange, 404, Map.of("message", e.getMessage()));
        } catch (FunctionError e) {
            sendJson(exchange, 502, Map.of("function", functionLogicalId, "errorType", e.errorType(), "errorMessage", String.valueOf(e.getMessage())));
        }
    }

    private void swaggerUi(HttpExchange exchange, String file) throws IOException {
        String name = file.isEmpty() ? "index.html" : file;
        if (name.equals("swagger-initializer.js")) {
            send(exchange, 200, "application/javascript", """
                    window.onload = function () {
                      window.ui = SwaggerUIBundle({ url: "/_local/api-docs/openapi", dom_id: "#swagger-ui", deepLinking: true,
                        presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset], layout: "StandaloneLayout" });
                    };
                    """);
            return;
        }
        if (name.contains("..")) {
            sendJson(exchange, 400, Map.of("message", "bad path"));
            return;
        }
        try (InputStream resource = LocalConsole.class.getClassLoader().getResourceAsStream(SWAGGER_UI + name)) {
            if (resource == null) {
                sendJson(exchange, 404, Map.of("message", "No " + name + " in Swagger UI"));
                return;
            }
            String type = name.endsWith(".html") ? "text/html" : name.endsWith(".css") ? "text/css"
                    : name.endsWith(".js") ? "application/javascript" : name.endsWith(".png") ? "image/png" : "application/octet-stream";
            byte[] bytes = resource.readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static void sendJson(HttpExchange exchange, int status, Object value) throws IOException {
        send(exchange, status, "application/json", Json.pretty(value));
    }

    private static void sendJson(HttpExchange exchange, int status, Object value, com.fasterxml.jackson.databind.ObjectMapper mapper) throws IOException {
        send(exchange, status, "application/json", mapper.writerWithDefaultPrettyPrinter().writeValueAsString(value));
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (contentType != null) exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null) return parameters;
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private static final String INDEX = """
            <!doctype html>
            <html><head><meta charset="utf-8"><title>Domus local cloud</title>
            <style>body{font-family:system-ui,sans-serif;max-width:50rem;margin:2rem auto;line-height:1.5}code{background:#eee;padding:0 .2rem}</style>
            </head><body>
            <h1>Domus local cloud</h1>
            <ul>
              <li><a href="health">health</a>: each component up or down</li>
              <li><a href="demo">demo</a>: demo accounts (with ready bearer tokens), invitation codes, ids, endpoints</li>
              <li><a href="outbox">outbox</a>: every email, SMS and push the platform sent, newest first (<code>?to=address</code>)</li>
              <li><a href="events">events</a>: recent domain events (<code>?type=UserRegistered</code>)</li>
              <li><a href="queues">queues</a>: queue depths and dead-letter contents</li>
              <li><a href="schedules">schedules</a>: fire one now with <code>POST /_local/schedules/{Function}/fire</code>
                (<code>?at=2026-12-02T07:00:00Z</code>: as if it were due then)</li>
              <li><a href="functions">functions</a>: invocations and errors per function</li>
              <li><a href="meters/simulator">meters/simulator</a>: simulated smart meters; start them with <code>POST /_local/meters/simulator</code> and <code>{"devices":[{"deviceId":"dev-1","secret":"..."}], "intervalMillis":1000, "misbehave":{"dev-1":"spike|silent|duplicate|garbage"}}</code>, stop them with <code>DELETE</code></li>
              <li><a href="outages">outages</a>: take SNS down with <code>POST /_local/outages/sns?seconds=30</code>, bring it back with <code>POST /_local/outages/sns?end=true</code></li>
              <li><a href="api-docs/">api-docs</a>: the HTTP API in Swagger UI</li>
            </ul>
            </body></html>
            """;
}
