package app.domus.local.partners.oidc;

import app.domus.local.json.Json;
import app.domus.local.partners.ControlsHandler;
import app.domus.local.partners.Exchanges;
import app.domus.local.partners.InjectedFaults;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The providers' endpoints. Google and Apple ({@code /google}, {@code /apple}): {@code GET /.well-known/openid-configuration},
 * {@code GET /authorize} (the login page: pick a person, or type one, and whether the provider vouches for the address;
 * {@code POST /authorize} is the page's form and redirects to the client with {@code code} and {@code state}, or
 * {@code error=access_denied}), {@code POST /token} (client secret by HTTP basic or in the form, PKCE S256 required) and
 * {@code GET /jwks}; Apple, as it does, requires {@code response_mode=form_post} when name or e-mail is asked for and
 * then answers with a page that posts {@code code} and {@code state} to the client. Facebook ({@code /facebook}): {@code /dialog/oauth} (the same page), {@code /oauth/access_token}
 * (secret in the form or query) and the Graph API's {@code GET /me?fields=id,name,email&access_token=&appsecret_proof=}
 * (the address only when verified: Facebook returns confirmed addresses only). {@code GET /app/oauth/complete} stands for
 * the app: it shows what the sign-in brought back in the URL's fragment.
 */
final class OidcApi implements HttpHandler {
    static final List<Map<String, String>> PEOPLE = List.of(
            Map.of("key", "ana", "sub", "1001", "name", "Ana García", "email", "ana.garcia@example.com"),
            Map.of("key", "ben", "sub", "1002", "name", "Ben Okafor", "email", "ben.okafor@example.com"),
            Map.of("key", "demo-owner", "sub", "1003", "name", "Demo owner", "email", "owner@demo.domus.local"));

    private final OidcProviders providers;
    private final InjectedFaults faults;

    OidcApi(OidcProviders providers, InjectedFaults faults) {
        this.providers = providers;
        this.faults = faults;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = Exchanges.body(exchange);
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals("/app/oauth/complete")) {
                Exchanges.send(exchange, 200, "text/html; charset=utf-8", APP_PAGE);
                return;
            }
            String[] parts = path.replaceAll("^/|/$", "").split("/", 2);
            String provider = parts[0];
            String rest = parts.length > 1 ? parts[1] : "";
            if (!OidcProviders.PROVIDERS.contains(provider)) {
                Exchanges.send(exchange, 404, "{\"error\":\"not_found\"}");
                return;
            }
            Map<String, String> params = new LinkedHashMap<>(Exchanges.query(exchange));
            params.putAll(Exchanges.decode(body));
            boolean facebook = provider.equals("facebook");
            switch (method + " " + rest) {
                case "GET .well-known/openid-configuration" -> {
                    if (facebook) notFound(exchange);
                    else Exchanges.send(exchange, 200, Json.write(discovery(provider)));
                }
                case "GET authorize", "GET dialog/oauth" -> authorizePage(exchange, provider, params);
                case "POST authorize", "POST dialog/oauth" -> authorize(exchange, provider, params);
                case "POST token", "POST oauth/access_token", "GET oauth/access_token" -> {
                    if (misbehave(exchange)) return;
                    token(exchange, provider, params, facebook);
                }
                case "GET jwks" -> {
                    if (misbehave(exchange)) return;
                    Exchanges.send(exchange, 200, providers.jwks(provider));
                }
                case "GET me" -> {
                    if (misbehave(exchange)) return;
                    me(exchange, provider, params);
                }
                default -> notFound(exchange);
            }
        }
    }

    private Map<String, Object> discovery(String provider) {
        String issuer = providers.issuer(provider);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("issuer", issuer);
        doc.put("authorization_endpoint", issuer + "/authorize");
        doc.put("token_endpoint", issuer + "/token");
        doc.put("jwks_uri", issuer + "/jwks");
        doc.put("response_types_supported", List.of("code"));
        doc.put("subject_types_supported", List.of("public"));
        doc.put("id_token_signing_alg_values_supported", List.of("RS256"));
        doc.put("scopes_supported", List.of("openid", "email", "profile"));
        doc.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        doc.put("code_challenge_methods_supported", List.of("S256"));
        doc.put("claims_supported", List.of("sub", "iss", "aud", "exp", "iat", "nonce", "email", "email_verified", "name"));
        return doc;
    }

    /** What a real provider checks before it shows its login page; a refusal is its error page, not a redirect. */
    private String refusal(String provider, Map<String, String> params) {
        if (!providers.client(provider).clientId().equals(params.get("client_id"))) return "The OAuth client was not found (client_id).";
        String redirect = params.getOrDefault("redirect_uri", "");
        if (!redirect.startsWith("http://") && !redirect.startsWith("https://")) return "Missing or invalid redirect_uri.";
        if (!"code".equals(params.get("response_type"))) return "Unsupported response_type: only code.";
        if (!"S256".equals(params.get("code_challenge_method")) || params.getOrDefault("code_challenge", "").length() < 43) {
            return "PKCE is required: code_challenge with code_challenge_method=S256.";
        }
        if (provider.equals("apple") && params.getOrDefault("scope", "").matches(".*\\b(email|name)\\b.*")
                && !"form_post".equals(params.get("response_mode"))) {
            return "response_mode must be form_post when name or email scope is requested.";
        }
        return null;
    }

    private void authorizePage(HttpExchange exchange, String provider, Map<String, String> params) throws IOException {
        String refused = refusal(provider, params);
        if (refused != null) {
            Exchanges.send(exchange, 400, "text/html; charset=utf-8", "<!doctype html><p>" + ControlsHandler.escape(refused) + "</p>");
            return;
        }
        StringBuilder hidden = new StringBuilder();
        params.forEach((name, value) -> hidden.append("<input type=\"hidden\" name=\"").append(ControlsHandler.escape(name))
                .append("\" value=\"").append(ControlsHandler.escape(value)).append("\">"));
        StringBuilder people = new StringBuilder();
        for (Map<String, String> person : PEOPLE) {
            people.append("<label><input type=\"radio\" name=\"person\" value=\"").append(person.get("key")).append("\"")
                    .append(person.get("key").equals("ana") ? " checked" : "").append("> ").append(ControlsHandler.escape(person.get("name")))
                    .append(" &lt;").append(ControlsHandler.escape(person.get("email"))).append("&gt; (subject ").append(person.get("sub"))
                    .append(")</label><br>");
        }
        String title = Character.toUpperCase(provider.charAt(0)) + provider.substring(1);
        String page = """
                <!doctype html><html><head><meta charset="utf-8"><title>Sign in with %1$s (double)</title>
                <style>body{font-family:sans-serif;margin:2em;max-width:40em}fieldset{margin:1em 0}</style></head><body>
                <h1>Sign in with %1$s</h1><p>The local cloud's %1$s double. Choose who signs in:</p>
                <form method="post">%2$s<fieldset>%3$s
                <label><input type="radio" name="person" value="custom"> someone else:</label>
                subject <input name="sub" size="8"> name <input name="name" size="12"> e-mail <input name="email" size="24"></fieldset>
                <label><input type="checkbox" name="email_verified" value="true" checked> %1$s has verified the e-mail address</label>
                <p><button name="decision" value="allow">Sign in</button> <button name="decision" value="deny">Cancel</button></p>
                </form></body></html>
                """.formatted(title, hidden, people);
        Exchanges.send(exchange, 200, "text/html; charset=utf-8", page);
    }

    private void authorize(HttpExchange exchange, String provider, Map<String, String> params) throws IOException {
        String refused = refusal(provider, params);
        if (refused != null) {
            Exchanges.send(exchange, 400, "text/html; charset=utf-8", "<!doctype html><p>" + ControlsHandler.escape(refused) + "</p>");
            return;
        }
        String redirect = params.get("redirect_uri");
        String state = params.get("state");
        String separator = redirect.contains("?") ? "&" : "?";
        String stateParam = state == null ? "" : "&state=" + enc(state);
        if ("deny".equals(params.get("decision"))) {
            exchange.getResponseHeaders().set("Location", redirect + separator + "error=access_denied" + stateParam);
            Exchanges.send(exchange, 302, "text/plain", "");
            return;
        }
        OidcProviders.Person person = person(params);
        if (person == null) {
            Exchanges.send(exchange, 400, "text/html; charset=utf-8", "<!doctype html><p>Choose a person, or give a subject and an e-mail address.</p>");
            return;
        }
        String code = providers.issueCode(provider, params.get("client_id"), redirect, params.get("code_challenge"), params.get("nonce"), person);
        if ("form_post".equals(params.get("response_mode"))) {
            // Apple's form_post: a page that posts code and state to the client's redirect URI at once.
            Exchanges.send(exchange, 200, "text/html; charset=utf-8", """
                    <!doctype html><html><head><meta charset="utf-8"><title>Signing in...</title></head>
                    <body onload="document.forms[0].submit()"><form method="post" action="%s">
                    <input type="hidden" name="code" value="%s"><input type="hidden" name="state" value="%s">
                    <noscript><button>Continue</button></noscript></form></body></html>
                    """.formatted(ControlsHandler.escape(redirect), ControlsHandler.escape(code), ControlsHandler.escape(state == null ? "" : state)));
            return;
        }
        exchange.getResponseHeaders().set("Location", redirect + separator + "code=" + enc(code) + stateParam);
        Exchanges.send(exchange, 302, "text/plain", "");
    }

    private static OidcProviders.Person person(Map<String, String> params) {
        boolean verified = "true".equals(params.get("email_verified")) || "on".equals(params.get("email_verified"));
        String key = params.getOrDefault("person", "custom");
        for (Map<String, String> preset : PEOPLE) {
            if (preset.get("key").equals(key)) return new OidcProviders.Person(preset.get("sub"), preset.get("name"), preset.get("email"), verified);
        }
        String sub = params.getOrDefault("sub", "").strip();
        String email = params.getOrDefault("email", "").strip();
        if (sub.isEmpty() || !sub.matches("[A-Za-z0-9._-]{1,64}")) return null;
        return new OidcProviders.Person(sub, params.getOrDefault("name", sub), email.isEmpty() ? null : email, verified);
    }

    private void token(HttpExchange exchange, String provider, Map<String, String> params, boolean facebook) throws IOException {
        String clientId = params.get("client_id");
        String secret = params.get("client_secret");
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null && authorization.startsWith("Basic ")) {
            String[] pair = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8).split(":", 2);
            clientId = URLDecoder.decode(pair[0], StandardCharsets.UTF_8);
            secret = pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : "";
        }
        if (!facebook && !"authorization_code".equals(params.get("grant_type"))) {
            Exchanges.send(exchange, 400, Json.write(Map.of("error", "unsupported_grant_type")));
            return;
        }
        OidcProviders.Exchange result = providers.exchange(provider, clientId, secret, params.get("code"), params.get("redirect_uri"),
                params.get("code_verifier"));
        // Facebook's errors are the Graph API's shape, not OAuth's: {"error": {"message", "type", "code"}}.
        Object body = facebook && result.status() != 200
                ? Map.of("error", Map.of("message", String.valueOf(result.body().get("error_description")), "type", "OAuthException", "code", 100))
                : result.body();
        Exchanges.send(exchange, result.status(), Json.write(body));
    }

    private void me(HttpExchange exchange, String provider, Map<String, String> params) throws IOException {
        if (!provider.equals("facebook")) {
            notFound(exchange);
            return;
        }
        String token = params.get("access_token");
        OidcProviders.Person person = providers.graphPerson(token);
        if (person == null) {
            Exchanges.send(exchange, 400, Json.write(Map.of("error", Map.of("message", "Invalid OAuth access token.", "type", "OAuthException", "code", 190))));
            return;
        }
        String expectedProof = hmac(providers.client("facebook").clientSecret(), token);
        if (!expectedProof.equals(params.get("appsecret_proof"))) {
            Exchanges.send(exchange, 400, Json.write(Map.of("error", Map.of("message", "Invalid appsecret_proof provided in the API argument",
                    "type", "GraphMethodException", "code", 100))));
            return;
        }
        List<String> fields = List.of(params.getOrDefault("fields", "id,name").split(","));
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("id", person.subject());
        if (fields.contains("name")) me.put("name", person.name());
        if (fields.contains("email") && person.email() != null && person.emailVerified()) me.put("email", person.email());
        Exchanges.send(exchange, 200, Json.write(me));
    }

    /** The next injected fault, applied; true when the call was answered by it. */
    private boolean misbehave(HttpExchange exchange) throws IOException {
        InjectedFaults.Fault fault = faults.next();
        if (fault == null) return false;
        switch (fault.kind()) {
            case ERROR -> {
                Exchanges.send(exchange, 503, Json.write(Map.of("error", "temporarily_unavailable", "error_description", "Injected by the double")));
                return true;
            }
            case MALFORMED -> {
                Exchanges.send(exchange, 200, "{\"access_token\": \"unterminated");
                return true;
            }
            case SLOW -> InjectedFaults.pause(fault.delayMillis());
        }
        return false;
    }

    private static void notFound(HttpExchange exchange) throws IOException {
        Exchanges.send(exchange, 404, "{\"error\":\"not_found\"}");
    }

    static String hmac(String key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static final String APP_PAGE = """
            <!doctype html><html><head><meta charset="utf-8"><title>Domus app (stand-in)</title>
            <style>body{font-family:sans-serif;margin:2em}td{padding:2px 8px;border-bottom:1px solid #ddd;word-break:break-all}</style></head>
            <body><h1>Back in the app</h1><p>The stand-in for the Domus app: what the sign-in brought back in the URL's fragment.</p>
            <table id="out"></table><script>
            const out = document.getElementById('out');
            new URLSearchParams(location.hash.slice(1)).forEach((v, k) => {
              const row = out.insertRow(); row.insertCell().textContent = k; row.insertCell().textContent = v; });
            </script></body></html>
            """;
}
