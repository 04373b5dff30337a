package app.domus.identity.handlers;

import app.domus.identity.oauth.OAuthComponent;
import app.domus.identity.oauth.OAuthSignIn;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.shared.http.ProblemType;
import java.util.regex.Pattern;

/**
 * {@code GET /auth/oauth/callback?code=&state=} (or {@code ?error=&state=}; public: the provider sends the browser here)
 * → 302 to the app ({@code <AppUrl>/oauth/complete#...}: the tokens, the MFA step, {@code linked=<provider>} or
 * {@code link_email_sent=<provider>}), the cookie cleared. Refusals are problems: 400 {@code oauth-state-invalid}
 * (unknown, used, expired or another browser's), 400 {@code oauth-code-rejected}, 401 {@code oauth-id-token-invalid},
 * 409 {@code identity-link-refused}, 422 {@code unprocessable} (no e-mail address), 503 {@code unavailable}.
 */
public class OAuthCallbackHandler extends HttpHandler {
    private static final Pattern PROVIDER_VALUE = Pattern.compile("^[\\x21-\\x7E]{1,2048}$");

    private final OAuthSignIn signIn;

    public OAuthCallbackHandler() {
        this(OAuthComponent.create().signIn());
    }

    OAuthCallbackHandler(OAuthSignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        String state = request.query("state").filter(s -> Requests.OPAQUE_TOKEN.matcher(s).matches())
                .orElseThrow(() -> new ApiException(ProblemType.OAUTH_STATE_INVALID, "The sign-in came back without its state; start it again"));
        String code = request.query("code").filter(c -> PROVIDER_VALUE.matcher(c).matches()).orElse(null);
        String error = request.query("error").map(e -> e.length() > 64 ? e.substring(0, 64) : e).orElse(null);
        OAuthSignIn.Finished finished = signIn.callback(state, code, error,
                request.cookie(OAuthSignIn.BROWSER_COOKIE).orElse(null), request.sourceIp(), request.userAgent());
        return HttpResponse.status(302, null)
                .location(finished.redirect().toString())
                .header("Set-Cookie", OAuthSignIn.BROWSER_COOKIE + "=; Path=/auth/oauth; Max-Age=0; HttpOnly; SameSite=Lax");
    }
}
