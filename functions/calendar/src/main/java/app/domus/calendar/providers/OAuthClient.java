package app.domus.calendar.providers;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A provider's OAuth 2 authorization-code client with PKCE (RFC 7636, S256): the consent address, the code exchange and
 * the refresh, as Google's and Microsoft's identity platforms take them. {@code scopeOnTokenRequests}: Microsoft wants
 * the scope again on the token endpoint; Google does not.
 */
final class OAuthClient {
    private final ProviderHttp http;
    private final String authorizeUrl;
    private final String tokenUrl;
    private final String clientId;
    private final java.util.function.Supplier<String> clientSecret;
    private final String scope;
    private final boolean scopeOnTokenRequests;

    OAuthClient(ProviderHttp http, String authorizeUrl, String tokenUrl, String clientId, java.util.function.Supplier<String> clientSecret, String scope,
                boolean scopeOnTokenRequests) {
        this.http = http;
        this.authorizeUrl = authorizeUrl;
        this.tokenUrl = tokenUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.scope = scope;
        this.scopeOnTokenRequests = scopeOnTokenRequests;
    }

    /** The consent address; {@code extras} are the provider's own parameters (offline access, the response mode). */
    String authorizationUrl(String state, String codeChallenge, String redirectUri, Map<String, String> extras) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", clientId);
        query.put("redirect_uri", redirectUri);
        query.put("response_type", "code");
        query.put("scope", scope);
        query.putAll(extras);
        query.put("state", state);
        query.put("code_challenge", codeChallenge);
        query.put("code_challenge_method", "S256");
        return authorizeUrl + "?" + ProviderHttp.form(query);
    }

    CalendarProvider.Tokens exchange(String code, String codeVerifier, String redirectUri) {
        Map<String, String> form = grant("authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        form.put("code_verifier", codeVerifier);
        return http.token(tokenUrl, form, null);
    }

    CalendarProvider.Tokens refresh(String refreshToken) {
        Map<String, String> form = grant("refresh_token");
        form.put("refresh_token", refreshToken);
        return http.token(tokenUrl, form, refreshToken);
    }

    private Map<String, String> grant(String type) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", type);
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret.get());
        if (scopeOnTokenRequests) form.put("scope", scope);
        return form;
    }
}
