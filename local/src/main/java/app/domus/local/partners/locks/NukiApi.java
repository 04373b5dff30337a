package app.domus.local.partners.locks;

import app.domus.local.json.Json;
import app.domus.local.partners.Exchanges;
import app.domus.local.partners.InjectedFaults;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The part of the Nuki Web API (https://api.nuki.io) the platform uses: {@code GET /smartlock[/{id}]},
 * {@code GET|PUT /smartlock/{id}/auth}, {@code GET|DELETE /smartlock/{id}/auth/{authId}},
 * {@code POST /smartlock/{id}/action}; Bearer token; Nuki's validation of a keypad code (type 13: six digits 1-9, not
 * starting with 12, unique on the lock) and of the dates; 204 for an accepted operation, applied later to the lock
 * (never while it is offline), as the real API does.
 */
final class NukiApi implements HttpHandler {
    private static final Pattern KEYPAD_CODE = Pattern.compile("(?!12)[1-9]{6}");
    private record Answer(int status, String body) {}

    private final String apiToken;
    private final LockFleet fleet;
    private final InjectedFaults faults;
    private final Duration applyDelay;
    private final ScheduledExecutorService scheduler;

    NukiApi(String apiToken, LockFleet fleet, InjectedFaults faults, Duration applyDelay, ScheduledExecutorService scheduler) {
        this.apiToken = apiToken;
        this.fleet = fleet;
        this.faults = faults;
        this.applyDelay = applyDelay;
        this.scheduler = scheduler;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = Exchanges.body(exchange);
            InjectedFaults.Fault fault = faults.next();
            if (fault != null && fault.kind() == InjectedFaults.Kind.ERROR) {
                Exchanges.send(exchange, 503, error("Service unavailable (injected by the smart-lock double's test controls)"));
                return;
            }
            if (fault != null && fault.kind() == InjectedFaults.Kind.MALFORMED) {
                Exchanges.send(exchange, 200, "{\"smartlockId\": 17000001, \"serverState\": ");
                return;
            }
            if (fault != null) InjectedFaults.pause(fault.delayMillis());
            Answer answer = answer(exchange, body);
            Exchanges.send(exchange, answer.status(), answer.body());
        }
    }

    private Answer answer(HttpExchange exchange, String body) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.equals("Bearer " + apiToken)) return new Answer(401, error("Unauthorized"));
        String[] parts = exchange.getRequestURI().getPath().replaceAll("/+$", "").split("/");
        // parts: "", "smartlock", id?, sub?, subId?
        String method = exchange.getRequestMethod();
        String route = method + " " + (parts.length > 2 ? "smartlock/{id}" : "smartlock") + (parts.length > 3 ? "/" + parts[3] : "") + (parts.length > 4 ? "/{authId}" : "");
        try {
            if (route.equals("GET smartlock")) {
                ArrayNode all = Json.MAPPER.createArrayNode();
                fleet.locks().forEach(lock -> all.add(describe(lock)));
                return new Answer(200, Json.write(all));
            }
            if (parts.length < 3) return new Answer(404, error("Not found"));
            LockFleet.Lock lock;
            try {
                lock = fleet.lock(Long.parseLong(parts[2])).orElse(null);
            } catch (NumberFormatException e) {
                lock = null;
            }
            if (lock == null) return new Answer(404, error("Smartlock not found"));
            return switch (route) {
                case "GET smartlock/{id}" -> new Answer(200, Json.write(describe(lock)));
                case "GET smartlock/{id}/auth" -> new Answer(200, Json.write(auths(lock)));
                case "GET smartlock/{id}/auth/{authId}" -> auth(lock, parts[4]);
                case "PUT smartlock/{id}/auth" -> createAuth(lock, Json.read(body));
                case "DELETE smartlock/{id}/auth/{authId}" -> deleteAuth(lock, parts[4]);
                case "POST smartlock/{id}/action" -> action(lock, Json.read(body));
                default -> new Answer(405, error("Method not allowed: " + route));
            };
        } catch (IllegalArgumentException e) {
            return new Answer(400, error(e.getMessage()));
        }
    }

    private Answer createAuth(LockFleet.Lock lock, JsonNode request) {
        String name = request.path("name").asText("");
        if (name.isBlank() || name.length() > 32) return new Answer(400, error("name: size must be between 1 and 32"));
        if (request.path("type").asInt(-1) != LockFleet.KEYPAD_CODE) return new Answer(400, error("type: only keypad codes (13) are supported by this double"));
        JsonNode codeNode = request.path("code");
        if (!codeNode.isInt() || !KEYPAD_CODE.matcher(codeNode.asText()).matches()) {
            return new Answer(400, error("code: a keypad code has 6 digits 1-9 and must not start with 12"));
        }
        Instant from, until;
        try {
            from = Instant.parse(request.path("allowedFromDate").asText());
            until = Instant.parse(request.path("allowedUntilDate").asText());
        } catch (DateTimeParseException e) {
            return new Answer(400, error("allowedFromDate and allowedUntilDate must be ISO-8601 dates"));
        }
        if (!until.isAfter(from)) return new Answer(400, error("allowedUntilDate must be after allowedFromDate"));
        int code = codeNode.asInt();
        synchronized (fleet) {
            boolean taken = lock.auths.values().stream().anyMatch(auth -> auth.code() == code);
            if (taken) return new Answer(409, error("code already exists on the smartlock"));
        }
        Instant accepted = fleet.now();
        queue(lock, "create keypad code " + name, target -> {
            if (target.auths.values().stream().anyMatch(auth -> auth.code() == code)) return;
            String id = LockFleet.newId();
            target.auths.put(id, new LockFleet.Auth(id, target.nextAuthId++, name, LockFleet.KEYPAD_CODE, code, from, until, accepted));
        });
        return new Answer(204, "");
    }

    private Answer deleteAuth(LockFleet.Lock lock, String authId) {
        synchronized (fleet) {
            if (!lock.auths.containsKey(authId)) return new Answer(404, error("Smartlock auth not found"));
        }
        queue(lock, "delete auth " + authId, target -> target.auths.remove(authId));
        return new Answer(204, "");
    }

    private Answer action(LockFleet.Lock lock, JsonNode request) {
        int action = request.path("action").asInt(-1);
        Consumer<LockFleet.Lock> apply = switch (action) {
            case 1, 3 -> target -> target.locked = false;
            case 2 -> target -> target.locked = true;
            default -> null;
        };
        if (apply == null) return new Answer(400, error("action: 1 unlock, 2 lock, 3 unlatch"));
        queue(lock, "action " + action, apply);
        return new Answer(204, "");
    }

    private Answer auth(LockFleet.Lock lock, String authId) {
        synchronized (fleet) {
            LockFleet.Auth auth = lock.auths.get(authId);
            return auth == null ? new Answer(404, error("Smartlock auth not found")) : new Answer(200, Json.write(describe(lock, auth)));
        }
    }

    private void queue(LockFleet.Lock lock, String what, Consumer<LockFleet.Lock> apply) {
        LockFleet.Operation operation = fleet.queue(lock.id, what, apply);
        if (applyDelay == null) return;
        if (applyDelay.isZero()) fleet.apply(operation.id());
        else scheduler.schedule(() -> fleet.apply(operation.id()), applyDelay.toMillis(), TimeUnit.MILLISECONDS);
    }

    static ObjectNode describe(LockFleet.Lock lock) {
        ObjectNode node = Json.object();
        node.put("smartlockId", lock.id);
        node.put("type", 4);
        node.put("name", lock.name);
        node.put("serverState", lock.online ? 0 : 4);
        ObjectNode state = node.putObject("state");
        state.put("mode", 2);
        state.put("state", lock.locked ? 1 : 3);
        state.put("batteryCritical", lock.batteryCritical);
        state.put("batteryCharge", lock.batteryCritical ? 8 : 86);
        return node;
    }

    private ArrayNode auths(LockFleet.Lock lock) {
        synchronized (fleet) {
            ArrayNode all = Json.MAPPER.createArrayNode();
            lock.auths.values().forEach(auth -> all.add(describe(lock, auth)));
            return all;
        }
    }

    static ObjectNode describe(LockFleet.Lock lock, LockFleet.Auth auth) {
        ObjectNode node = Json.object();
        node.put("id", auth.id());
        node.put("smartlockId", lock.id);
        node.put("authId", auth.authId());
        node.put("type", auth.type());
        node.put("name", auth.name());
        node.put("enabled", true);
        node.put("code", auth.code());
        node.put("allowedFromDate", auth.allowedFrom().toString());
        node.put("allowedUntilDate", auth.allowedUntil().toString());
        node.put("creationDate", auth.created().toString());
        return node;
    }

    private static String error(String message) {
        return Json.write(Map.of("detailMessage", message));
    }
}
