package app.domus.local.console;

import app.domus.local.http.HttpRoute;
import app.domus.local.iot.simulator.MeterSimulator;
import app.domus.local.iot.simulator.SimulationPlan;
import app.domus.local.json.Json;
import app.domus.local.runtime.FunctionError;
import app.domus.local.runtime.Invocation;
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
    private final app.domus.local.faults.FaultInjector faults;
    private final MeterSimulator meterSimulator;
    private final ConsoleFeed feed;

    /**
     * @param demoTokens mints a bearer token for a demo account
     * @param health     each component's state, for {@code /_local/health}
     * @param endpoints  every endpoint's name and URL, shown with the demo accounts
     */
    public LocalConsole(Outbox outbox, PublishedEvents events, DemoData demoData, Function<DemoAccount, String> demoTokens,
                        Schedules schedules, QueueInspector queues, Supplier<Map<String, Object>> health,
                        Collection<LocalFunction> functions, List<HttpRoute> routes, Path templateDirectory, Map<String, String> endpoints,
                        Outages outages, app.domus.local.faults.FaultInjector faults, MeterSimulator meterSimulator, ConsoleFeed feed) {
        this.faults = faults;
        this.feed = feed;
        outbox.onAdd(message -> feed.publish("outbox", ConsoleFeed.summary("id", message.id(), "channel", message.channel(), "to", message.to())));
        events.onAdd(event -> feed.publish("event", ConsoleFeed.summary("messageId", event.messageId(), "eventType", event.eventType(), "topic", event.topic())));
        for (LocalFunction function : functions) {
            String name = function.definition().logicalId();
            function.onInvocation(invocation -> feed.publish("invocation", ConsoleFeed.summary("function", name,
                    "requestId", invocation.getRequestId(), "failed", invocation.failed(), "durationMillis", invocation.getDurationMillis())));
        }
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
            answer(exchange);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        try {
            String page = exchange.getRequestURI().getPath().substring("/_local/".length());
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            boolean post = exchange.getRequestMethod().equals("POST");
            if (page.isEmpty()) {
                consoleFile(exchange, "index.html");
            } else if (page.startsWith("console/")) {
                consoleFile(exchange, page.substring("console/".length()));
            } else if (page.equals("stream")) {
                feed.stream(exchange);
            } else if (page.startsWith("queues/") && post) {
                queueAction(exchange, page.substring("queues/".length()), query.get("messageId"));
            } else if (page.startsWith("functions/")) {
                invocation(exchange, page.substring("functions/".length()));
            } else if (page.equals("health")) {
                Map<String, Object> state = health.get();
                sendJson(exchange, "UP".equals(state.get("status")) ? 200 : 503, state);
            } else if (page.equals("outbox")) {
                sendJson(exchange, 200, outbox.messages(query.get("to")), Outbox.mapper());
            } else if (page.equals("demo")) {
                sendJson(exchange, 200, demo());
            } else if (page.equals("queues")) {
                sendJson(exchange, 200, queues.queues(), Outbox.mapper());
            } else if (page.equals("events")) {
                sendJson(exchange, 200, events.recent(query.get("type"), query.get("organisationId")), Outbox.mapper());
            } else if (page.equals("functions")) {
                sendJson(exchange, 200, functions.stream().map(LocalConsole::functionState).toList(), Outbox.mapper());
            } else if (page.equals("schedules") && !post) {
                sendJson(exchange, 200, schedules.all().stream().map(this::scheduleState).toList(), Outbox.mapper());
            } else if (page.startsWith("schedules/") && page.endsWith("/fire") && post) {
                fire(exchange, page.substring("schedules/".length(), page.length() - "/fire".length()), query.get("at"));
            } else if (page.equals("outages") && !post) {
                sendJson(exchange, 200, outages.state());
            } else if (page.startsWith("outages/") && post) {
                outage(exchange, page.substring("outages/".length()), query);
            } else if (page.equals("faults") || page.startsWith("faults/")) {
                faults(exchange, page.equals("faults") ? null : page.substring("faults/".length()));
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
                        "queues", "events", "functions", "schedules", "outages", "faults", "meters/simulator", "api-docs", "stream")));
            }
        } catch (InterruptedException e) {
            // The local cloud is stopping while a page holds the live stream open: the stream just ends.
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // Answered inside the exchange (a catch after its try-with-resources would find it closed); the cause goes
            // to the local cloud's log, not to the page.
            System.err.println("[console] " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " failed: " + e);
            e.printStackTrace();
            sendProblem(exchange, 500, "Internal Server Error", "The console could not answer; the local cloud's log says why.");
        }
    }

    /** A function's counters, durations (p50 and p99 of its recent invocations), cold starts and latest errors. */
    private static Map<String, Object> functionState(LocalFunction function) {
        List<Invocation> recent = function.recentInvocations();
        long[] durations = recent.stream().mapToLong(Invocation::getDurationMillis).filter(millis -> millis >= 0).sorted().toArray();
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("name", function.definition().logicalId());
        state.put("handler", function.definition().handler());
        state.put("invocations", function.invocationCount());
        state.put("errors", function.errorCount());
        state.put("coldStarts", function.coldStartCount());
        state.put("p50Millis", percentile(durations, 50));
        state.put("p99Millis", percentile(durations, 99));
        state.put("lastInvokedAt", recent.isEmpty() ? null : recent.getFirst().getStartedAt());
        state.put("recentErrors", recent.stream().filter(Invocation::failed).limit(RECENT_ERRORS).toList());
        return state;
    }

    private static final int RECENT_ERRORS = 5;

    /** Nearest-rank percentile; {@code null} before the first invocation. */
    static Long percentile(long[] sorted, int percent) {
        if (sorted.length == 0) return null;
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    /** {@code GET /_local/functions/{Function}/invocations/{requestId}}: one recent invocation, with its log lines. */
    private void invocation(HttpExchange exchange, String path) throws IOException {
        String[] parts = path.split("/");
        if (parts.length != 3 || !parts[1].equals("invocations")) {
            sendProblem(exchange, 404, "Not Found", "Invocations are at /_local/functions/{Function}/invocations/{requestId}");
            return;
        }
        LocalFunction function = functions.stream().filter(candidate -> candidate.definition().logicalId().equals(parts[0])).findFirst().orElse(null);
        if (function == null) {
            sendProblem(exchange, 404, "Not Found", "No function " + parts[0] + " in the template");
            return;
        }
        var invocation = function.recentInvocations().stream().filter(candidate -> candidate.getRequestId().equals(parts[2])).findFirst();
        if (invocation.isEmpty()) {
            sendProblem(exchange, 404, "Not Found", "No recent invocation " + parts[2] + " of " + parts[0]);
            return;
        }
        sendJson(exchange, 200, invocation.get(), Outbox.mapper());
    }

    private Map<String, Object> scheduleState(app.domus.local.schedule.Schedule schedule) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("function", schedule.functionLogicalId());
        state.put("event", schedule.eventName());
        state.put("expression", schedule.expression());
        state.put("enabled", schedule.enabled());
        state.put("fire", "POST /_local/schedules/" + schedule.functionLogicalId() + "/fire");
        state.put("nextRun", schedules.nextRun(schedule).orElse(null));
        state.put("lastRun", schedules.lastRun(schedule).orElse(null));
        return state;
    }

    /**
     * {@code POST /_local/queues/{queue}/redrive} moves a dead-letter queue's messages back to its source queue,
     * {@code POST /_local/queues/{queue}/purge} deletes a queue's messages; {@code ?messageId=} acts on one message.
     */
    private void queueAction(HttpExchange exchange, String path, String messageId) throws IOException {
        int slash = path.lastIndexOf('/');
        String action = slash < 0 ? "" : path.substring(slash + 1);
        if (slash <= 0 || !(action.equals("redrive") || action.equals("purge"))) {
            sendProblem(exchange, 404, "Not Found", "Queue actions are POST /_local/queues/{queue}/redrive and POST /_local/queues/{queue}/purge");
            return;
        }
        String queue = path.substring(0, slash);
        String one = messageId == null || messageId.isBlank() ? null : messageId;
        try {
            int moved = action.equals("redrive") ? queues.redrive(queue, one) : queues.purge(queue, one);
            feed.publish("queues", ConsoleFeed.summary("queue", queue, "action", action));
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("queue", queue);
            result.put(action.equals("redrive") ? "redriven" : "purged", moved);
            if (one != null) result.put("messageId", one);
            sendJson(exchange, 200, result);
        } catch (QueueInspector.NotFound e) {
            sendProblem(exchange, 404, "Not Found", e.getMessage());
        } catch (QueueInspector.NotADeadLetterQueue e) {
            sendProblem(exchange, 409, "Conflict", e.getMessage());
        }
    }

    private static final java.util.regex.Pattern CONSOLE_FILE = java.util.regex.Pattern.compile("[a-z0-9-]+\\.(html|js|css)");

    /** The console's own pages and scripts, from {@code console/} on the classpath: plain files, nothing to build. */
    private static void consoleFile(HttpExchange exchange, String name) throws IOException {
        if (!CONSOLE_FILE.matcher(name).matches()) {
            sendProblem(exchange, 404, "Not Found", "No console file " + name);
            return;
        }
        try (InputStream resource = LocalConsole.class.getClassLoader().getResourceAsStream("console/" + name)) {
            if (resource == null) {
                sendProblem(exchange, 404, "Not Found", "No console file " + name);
                return;
            }
            String type = name.endsWith(".html") ? "text/html; charset=utf-8" : name.endsWith(".css") ? "text/css; charset=utf-8"
                    : "text/javascript; charset=utf-8";
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            send(exchange, 200, type, new String(resource.readAllBytes(), StandardCharsets.UTF_8));
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
     * The fault switch: {@code GET /_local/faults} shows every service's rule and injected counts, {@code PUT
     * /_local/faults/{service}} with {@code {"kind", "rate", "latencyMs", "operations"}} sets the service's rule,
     * {@code DELETE /_local/faults[/{service}]} clears one service's rule or all of them.
     */
    private void faults(HttpExchange exchange, String service) throws IOException {
        String method = exchange.getRequestMethod();
        try {
            switch (method) {
                case "GET" -> sendJson(exchange, 200, service == null ? faults.state() : faults.state(service));
                case "DELETE" -> {
                    if (service == null) faults.clearAll();
                    else faults.clear(service);
                    feed.publish("faults", ConsoleFeed.summary("service", service == null ? "all" : service, "rule", "cleared"));
                    sendJson(exchange, 200, faults.state());
                }
                case "PUT" -> {
                    if (service == null) {
                        exchange.getResponseHeaders().set("Allow", "GET, DELETE");
                        sendProblem(exchange, 405, "Method Not Allowed", "PUT a rule to /_local/faults/{service}");
                        return;
                    }
                    com.fasterxml.jackson.databind.JsonNode body = Json.readOrNull(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                    if (body == null || !body.isObject()) {
                        sendProblem(exchange, 400, "Bad Request", "The body must be a JSON object: {\"kind\", \"rate\", \"latencyMs\", \"operations\"}");
                        return;
                    }
                    @SuppressWarnings("unchecked")
                    Map<String, Object> rule = Json.MAPPER.convertValue(body, Map.class);
                    faults.set(service, rule);
                    feed.publish("faults", ConsoleFeed.summary("service", service, "rule", rule.get("kind")));
                    sendJson(exchange, 200, faults.state(service));
                }
                default -> {
                    exchange.getResponseHeaders().set("Allow", service == null ? "GET, DELETE" : "GET, PUT, DELETE");
                    sendProblem(exchange, 405, "Method Not Allowed", "/_local/faults takes GET, PUT and DELETE");
                }
            }
        } catch (app.domus.local.faults.FaultInjector.UnknownService e) {
            sendProblem(exchange, "PUT".equals(method) ? 400 : 404, "PUT".equals(method) ? "Bad Request" : "Not Found", e.getMessage());
        } catch (app.domus.local.faults.FaultInjector.InvalidRule e) {
            sendProblem(exchange, 400, "Bad Request", e.field() + ": " + e.getMessage());
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
                    // ?as=<demo account key> (from the console's Demo page) signs Swagger UI in as that account: the
                    // token is read from /_local/demo here, so it never travels in a URL.
                    window.onload = function () {
                      const as = new URLSearchParams(window.location.search).get("as");
                      window.ui = SwaggerUIBundle({ url: "/_local/api-docs/openapi", dom_id: "#swagger-ui", deepLinking: true,
                        presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset], layout: "StandaloneLayout",
                        persistAuthorization: false,
                        onComplete: function () {
                          if (!as) return;
                          fetch("/_local/demo").then(function (response) { return response.json(); }).then(function (demo) {
                            const account = demo.accounts.find(function (candidate) { return candidate.key === as; });
                            if (account && account.bearerToken) window.ui.preauthorizeApiKey("bearer", account.bearerToken);
                          });
                        } });
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
}
