package app.domus.identity.handlers;

import app.domus.identity.IdentityComponent;
import app.domus.identity.tokens.TokenIssuer;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /.well-known/openid-configuration}: the discovery document that leads a JWT authorizer to the keys. */
public class OpenIdConfigurationHandler extends HttpHandler {
    private final TokenIssuer tokens;

    public OpenIdConfigurationHandler() {
        this(IdentityComponent.create().tokens());
    }

    OpenIdConfigurationHandler(TokenIssuer tokens) {
        this.tokens = tokens;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", tokens.issuer());
        document.put("jwks_uri", tokens.issuer() + "/.well-known/jwks.json");
        document.put("response_types_supported", List.of("token"));
        document.put("subject_types_supported", List.of("public"));
        document.put("id_token_signing_alg_values_supported", List.of("RS256"));
        return HttpResponse.ok(document).header("Cache-Control", "public, max-age=300");
    }
}
