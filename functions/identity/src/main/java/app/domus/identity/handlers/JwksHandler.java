package app.domus.identity.handlers;

import app.domus.identity.IdentityComponent;
import app.domus.identity.keys.SigningKeys;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;

/** {@code GET /.well-known/jwks.json}: the public signing keys, which API Gateway's JWT authorizer fetches. */
public class JwksHandler extends HttpHandler {
    private final SigningKeys keys;

    public JwksHandler() {
        this(IdentityComponent.create().signingKeys());
    }

    JwksHandler(SigningKeys keys) {
        this.keys = keys;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        return HttpResponse.ok(keys.publicKeys().toJSONObject(true))
                .header("Cache-Control", "public, max-age=300");
    }
}
