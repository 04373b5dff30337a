package app.domus.local.partners.locks;

import app.domus.local.partners.ControlsHandler;
import app.domus.local.partners.InjectedFaults;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The smart-lock double's test controls under {@code /_double/}, without the token: what a host does at the door
 * (type a code on the keypad at a given time, pull the lock's Wi-Fi) and what only a double can do (settle the queued
 * operations now, make API calls fail, slow down or answer garbage).
 */
final class LockControls extends ControlsHandler {
    static final List<String> CONTROLS = List.of(
            "GET  /_double/                                   this overview, the API token included",
            "GET  /_double/console                            an HTML page: the locks, their codes and windows, online/offline buttons",
            "GET  /_double/token                              {apiToken}",
            "GET  /_double/locks                              every lock with its codes (windows included)",
            "POST /_double/locks/{id}/offline | /online       disconnect the lock from its cloud, or connect it again",
            "POST /_double/locks/{id}/keypad?code=NNNNNN&at=ISO  type a code on the keypad (at now by default): {opened, reason}",
            "GET  /_double/operations                         operations queued for the locks, and the outcomes of those applied",
            "POST /_double/operations/settle                  apply every queued operation now (fails those of offline locks)",
            "POST /_double/faults?kind=error|slow|malformed&count=N&delayMillis=M  the next N API calls answer 503, wait M ms or answer broken JSON",
            "GET  /_double/faults, DELETE /_double/faults     pending faults; clear them");

    private final String apiToken;
    private final String baseUrl;
    private final LockFleet fleet;
    private final InjectedFaults faults;

    LockControls(String apiToken, String baseUrl, LockFleet fleet, InjectedFaults faults) {
        this.apiToken = apiToken;
        this.baseUrl = baseUrl;
        this.fleet = fleet;
        this.faults = faults;
    }

    @Override
    protected List<String> controls() {
        return CONTROLS;
    }

    @Override
    protected Object answer(String method, String[] path, Map<String, String> query) {
        String route = method + " " + String.join("/", path.length > 2 ? List.of(path[0], "{id}", path[2]) : path.length == 2 && path[0].equals("locks")
                ? List.of(path[0], "{id}") : List.of(path));
        return switch (route) {
            case "GET " -> Map.of("apiBase", baseUrl, "apiToken", apiToken, "pendingFaults", faults.pending(), "controls", CONTROLS);
            case "GET token" -> Map.of("apiToken", apiToken);
            case "GET locks" -> fleet.locks().stream().map(this::withCodes).toList();
            case "GET locks/{id}" -> withCodes(fleet.lockOrThrow(id(path[1])));
            case "POST locks/{id}/offline" -> online(path[1], false);
            case "POST locks/{id}/online" -> online(path[1], true);
            case "POST locks/{id}/keypad" -> fleet.typeCode(id(path[1]), Integer.parseInt(required(query, "code")),
                    query.containsKey("at") ? Instant.parse(query.get("at")) : fleet.now());
            case "GET operations" -> Map.of("queued", fleet.queued(), "outcomes", fleet.outcomes());
            case "POST operations/settle" -> Map.of("applied", fleet.settle());
            case "GET faults" -> faults.pending();
            case "POST faults" -> faults.add(query);
            case "DELETE faults" -> {
                faults.clear();
                yield faults.pending();
            }
            default -> throw new IllegalArgumentException("No control " + route);
        };
    }

    private ObjectNode withCodes(LockFleet.Lock lock) {
        synchronized (fleet) {
            ObjectNode node = NukiApi.describe(lock);
            var codes = node.putArray("auths");
            lock.auths.values().forEach(auth -> codes.add(NukiApi.describe(lock, auth)));
            return node;
        }
    }

    private ObjectNode online(String id, boolean online) {
        fleet.online(id(id), online);
        return withCodes(fleet.lockOrThrow(id(id)));
    }

    private static long id(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("No smartlock " + text);
        }
    }

    private static String required(Map<String, String> query, String name) {
        String value = query.get(name);
        if (value == null || value.isBlank()) throw new IllegalArgumentException("Missing query parameter " + name);
        return value;
    }

    @Override
    protected String console() {
        StringBuilder html = new StringBuilder("""
                <!doctype html><html><head><meta charset="utf-8"><title>Smart-lock double</title>
                <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px}
                form{display:inline}</style></head><body><h1>Smart-lock double (Nuki Web API)</h1>
                <form method="post" action="/_double/operations/settle?then=console"><button>Apply queued operations now</button></form>
                <table><tr><th>smartlockId</th><th>name</th><th>online</th><th>locked</th><th>keypad codes (name, valid from, until)</th><th></th></tr>
                """);
        for (LockFleet.Lock lock : fleet.locks()) {
            html.append("<tr><td>").append(lock.id).append("</td><td>").append(escape(lock.name)).append("</td><td>").append(lock.online)
                    .append("</td><td>").append(lock.locked).append("</td><td>");
            synchronized (fleet) {
                for (LockFleet.Auth auth : lock.auths.values()) {
                    html.append(escape(auth.name())).append(": ").append(auth.allowedFrom()).append(" – ").append(auth.allowedUntil()).append("<br>");
                }
            }
            String action = lock.online ? "offline" : "online";
            html.append("</td><td><form method=\"post\" action=\"/_double/locks/").append(lock.id).append('/').append(action)
                    .append("?then=console\"><button>Take it ").append(action).append("</button></form></td></tr>\n");
        }
        return html.append("</table></body></html>\n").toString();
    }
}
