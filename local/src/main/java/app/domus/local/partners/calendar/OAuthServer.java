package app.domus.local.partners.calendar;

import app.domus.local.json.Json;
import app.domus.local.partners.Exchanges;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The OAuth 2 authorization server part of a calendar provider's double: the authorize endpoint consents at once for
 * the account {@code login_hint} names and redirects to {@code redirect_uri} with a code; the token endpoint exchanges a
 * code against its PKCE (S256) verifier and the client's secret, or a refresh token, and says {@code invalid_grant}
 * otherwise. Access tokens live {@code lifetimeSeconds}; {@link #expireAll()} makes every one handed out refused.
 */
final class OAuthServer {
    private record Code(String account, String redirectUri, String challenge) {}

    private final String clientId;
    private final String clientSecret;
    private final String defaultAccount;
    private final String accessPrefix;
    private final boolean rotateRefreshTokens;
    private final Consumer<String> count;
    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final Map<String, String> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, Instant> accessExpiry = new ConcurrentHashMap<>();
    private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();
    private final java.util.List<String> revokedAccounts = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile long lifetimeSeconds = 3600;

    /** @param rotateRefreshTokens whether a refresh answers a new refresh token too (Microsoft's way; Google keeps the first) */
    OAuthServer(String clientId, String clientSecret, String defaultAccount, String accessPrefix, boolean rotateRefreshTokens, Consumer<String> count) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.defaultAccount = defaultAccount;
        this.accessPrefix = accessPrefix;
        this.rotateRefreshTokens = rotateRefreshTokens;
        this.count = count;
    }

    void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> q = Exchanges.query(exchange);
        count.accept("authorize");
        if (!clientId.equals(q.get("client_id"))) throw new IllegalArgumentException("invalid_client: unknown client_id");
        if (!"code".equals(q.get("response_type"))) throw new IllegalArgumentException("unsupported_response_type");
        if (!"S256".equals(q.get("code_challenge_method")) || q.get("code_challenge") == null) throw new IllegalArgumentException("invalid_request: PKCE S256 is required");
        String redirect = q.get("redirect_uri");
        if (redirect == null) throw new IllegalArgumentException("invalid_request: redirect_uri is required");
        String code = "code-" + UUID.randomUUID().toString().replace("-", "");
        codes.put(code, new Code(q.getOrDefault("login_hint", defaultAccount), redirect, q.get("code_challenge")));
        String location = redirect + (redirect.contains("?") ? "&" : "?") + "code=" + enc(code) + "&state=" + enc(q.getOrDefault("state", ""));
        exchange.getResponseHeaders().set("Location", location);
        Exchanges.send(exchange, 302, "text/plain", "");
    }

    /** The token endpoint; false when an injected fault is to answer instead (the caller checks first). */
    void token(HttpExchange exchange, String body) throws IOException {
        Map<String, String> form = form(body);
        if (!clientId.equals(form.get("client_id")) || !clientSecret.equals(form.get("client_secret"))) {
            Exchanges.send(exchange, 401, Json.write(Map.of("error", "invalid_client", "error_description", "The OAuth client was not found.")));
            return;
        }
        String grant = form.getOrDefault("grant_type", "");
        count.accept("token:" + grant);
        String account;
        String refresh = null;
        if (grant.equals("authorization_code")) {
            Code code = codes.remove(form.getOrDefault("code", ""));
            if (code == null || !code.redirectUri().equals(form.get("redirect_uri")) || !code.challenge().equals(s256(form.getOrDefault("code_verifier", "")))) {
                invalidGrant(exchange, "Malformed auth code or code verifier.");
                return;
            }
            account = code.account();
            refresh = newRefreshToken(account);
        } else if (grant.equals("refresh_token")) {
            account = refreshTokens.get(form.getOrDefault("refresh_token", ""));
            if (account == null) {
                invalidGrant(exchange, "Token has been expired or revoked.");
                return;
            }
            if (rotateRefreshTokens) {
                refreshTokens.remove(form.get("refresh_token"));
                refresh = newRefreshToken(account);
            }
        } else {
            Exchanges.send(exchange, 400, Json.write(Map.of("error", "unsupported_grant_type")));
            return;
        }
        String access = accessPrefix + UUID.randomUUID().toString().replace("-", "");
        accessTokens.put(access, account);
        accessExpiry.put(access, Instant.now().plusSeconds(lifetimeSeconds));
        ObjectNode answer = Json.object().put("access_token", access).put("expires_in", lifetimeSeconds).put("token_type", "Bearer");
        if (refresh != null) answer.put("refresh_token", refresh);
        Exchanges.send(exchange, 200, Json.write(answer));
    }

    /**
     * Google's revocation endpoint ({@code POST /revoke}, the token as a query or form parameter): a refresh or access
     * token ends the whole grant, every refresh and access token of its account for this client; 200 {@code {}}, or
     * 400 {@code invalid_token} for a token it does not know (revoked already). Each revoked grant's account is recorded.
     */
    void revoke(HttpExchange exchange, String body) throws IOException {
        Map<String, String> parameters = new LinkedHashMap<>(Exchanges.query(exchange));
        parameters.putAll(form(body));
        String token = parameters.getOrDefault("token", "");
        String account = refreshTokens.containsKey(token) ? refreshTokens.get(token) : accessTokens.get(token);
        count.accept("revoke");
        if (account == null) {
            Exchanges.send(exchange, 400, Json.write(Map.of("error", "invalid_token", "error_description", "Token expired or revoked")));
            return;
        }
        refreshTokens.values().removeIf(account::equals);
        accessTokens.values().removeIf(account::equals);
        revokedAccounts.add(account);
        Exchanges.send(exchange, 200, Json.write(Map.of()));
    }

    /** The accounts whose grant was revoked, in order. */
    java.util.List<String> revokedAccounts() {
        return java.util.List.copyOf(revokedAccounts);
    }

    private String newRefreshToken(String account) {
        String refresh = "refresh-" + UUID.randomUUID().toString().replace("-", "");
        refreshTokens.put(refresh, account);
        return refresh;
    }

    /** The account of a valid Bearer token, or null. */
    String account(HttpExchange exchange) {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        String access = auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : "";
        String account = accessTokens.get(access);
        if (account == null || accessExpiry.getOrDefault(access, Instant.EPOCH).isBefore(Instant.now())) {
            count.accept("unauthorized");
            return null;
        }
        return account;
    }

    int expireAll() {
        accessExpiry.replaceAll((token, at) -> Instant.EPOCH);
        return accessExpiry.size();
    }

    void lifetime(long seconds) {
        lifetimeSeconds = seconds;
    }

    private static void invalidGrant(HttpExchange exchange, String description) throws IOException {
        Exchanges.send(exchange, 400, Json.write(Map.of("error", "invalid_grant", "error_description", description)));
    }

    static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
