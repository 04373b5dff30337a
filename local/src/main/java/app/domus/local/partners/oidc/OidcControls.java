package app.domus.local.partners.oidc;

import app.domus.local.partners.ControlsHandler;
import app.domus.local.partners.InjectedFaults;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The sign-in providers' test controls under {@code /_double/}: the registered clients (ids and secrets, which the local
 * cloud puts in Secrets Manager), ID tokens tampered on demand, injected faults on the token, JWKS and Graph endpoints,
 * and a log of what was issued and refused.
 */
final class OidcControls extends ControlsHandler {
    static final List<String> CONTROLS = List.of(
            "GET  /_double/                                   this overview",
            "GET  /_double/console                            an HTML page: the clients, the log, tamper and fault buttons",
            "GET  /_double/clients                            {google|apple|facebook: {clientId, clientSecret, issuer}}",
            "POST /_double/tamper?kind=signature|issuer|audience|expired|nonce|key&count=N  the next N ID tokens come out wrong that way",
            "GET  /_double/tamper, DELETE /_double/tamper     pending tampering; clear it",
            "POST /_double/faults?kind=error|slow|malformed&count=N&delayMillis=M  the next N token/JWKS/Graph calls answer 503, wait M ms or answer broken JSON",
            "GET  /_double/faults, DELETE /_double/faults     pending faults; clear them",
            "GET  /_double/log                                codes issued, exchanged, replayed, tokens tampered");

    private final OidcProviders providers;
    private final InjectedFaults faults;

    OidcControls(OidcProviders providers, InjectedFaults faults) {
        this.providers = providers;
        this.faults = faults;
    }

    @Override
    protected List<String> controls() {
        return CONTROLS;
    }

    @Override
    protected Object answer(String method, String[] path, Map<String, String> query) {
        String route = method + " " + String.join("/", path);
        return switch (route) {
            case "GET " -> Map.of("clients", clients(), "pendingTampering", providers.pendingTampering(), "pendingFaults", faults.pending(),
                    "controls", CONTROLS);
            case "GET clients" -> clients();
            case "POST tamper" -> {
                String kind = query.get("kind");
                if (kind == null) throw new IllegalArgumentException("Missing query parameter kind");
                providers.tamper(OidcProviders.Tamper.valueOf(kind.toUpperCase(Locale.ROOT)), Integer.parseInt(query.getOrDefault("count", "1")));
                yield providers.pendingTampering();
            }
            case "GET tamper" -> providers.pendingTampering();
            case "DELETE tamper" -> {
                providers.clearTampering();
                yield providers.pendingTampering();
            }
            case "GET faults" -> faults.pending();
            case "POST faults" -> faults.add(query);
            case "DELETE faults" -> {
                faults.clear();
                yield faults.pending();
            }
            case "GET log" -> providers.log();
            default -> throw new IllegalArgumentException("No control " + route);
        };
    }

    private Map<String, Object> clients() {
        Map<String, Object> clients = new LinkedHashMap<>();
        for (String provider : OidcProviders.PROVIDERS) {
            OidcProviders.Client client = providers.client(provider);
            clients.put(provider, Map.of("clientId", client.clientId(), "clientSecret", client.clientSecret(), "issuer", providers.issuer(provider)));
        }
        return clients;
    }

    @Override
    protected String console() {
        StringBuilder html = new StringBuilder("""
                <!doctype html><html><head><meta charset="utf-8"><title>Sign-in providers double</title>
                <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px}
                form{display:inline}</style></head><body><h1>Sign-in providers double (Google, Apple, Facebook)</h1>
                <p>Sign in through the API: <code>GET /auth/oauth/google</code> (or apple, facebook) on the local HTTP API.</p>
                <h2>Tamper with the next ID token</h2>
                """);
        for (OidcProviders.Tamper tamper : OidcProviders.Tamper.values()) {
            String kind = tamper.name().toLowerCase(Locale.ROOT);
            html.append("<form method=\"post\" action=\"/_double/tamper?kind=").append(kind).append("&then=console\"><button>")
                    .append(kind).append("</button></form> ");
        }
        html.append("<p>pending: ").append(escape(providers.pendingTampering().toString())).append("</p><h2>Faults</h2>")
                .append("<form method=\"post\" action=\"/_double/faults?kind=error&then=console\"><button>next call 503</button></form> ")
                .append("<form method=\"post\" action=\"/_double/faults?kind=malformed&then=console\"><button>next call broken JSON</button></form> ")
                .append("<p>pending: ").append(escape(faults.pending().toString())).append("</p><h2>Log</h2><table><tr><th>at</th><th>what</th><th>provider</th><th>e-mail</th></tr>");
        for (Map<String, Object> entry : providers.log()) {
            html.append("<tr><td>").append(entry.get("at")).append("</td><td>").append(entry.get("what")).append("</td><td>")
                    .append(entry.get("provider")).append("</td><td>").append(escape(String.valueOf(entry.get("email")))).append("</td></tr>");
        }
        return html.append("</table></body></html>\n").toString();
    }
}
