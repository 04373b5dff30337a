package app.domus.identity.handlers;

import app.domus.shared.guard.EndpointClass;
import app.domus.shared.guard.RateLimited;
import app.domus.identity.oauth.OAuthComponent;
import app.domus.identity.oauth.OAuthSignIn;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.shared.http.ProblemType;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code GET /auth/oauth/callback?code=&state=} (or {@code ?error=&state=}; public: the provider sends the browser here),
 * or {@code POST /auth/oauth/callback} with them as a form (Apple's {@code form_post}) → 302 (303 after a POST) to the app ({@code <AppUrl>/oauth/complete#...}: the tokens, the MFA step, {@code linked=<provider>} or
 * {@code link_email_sent=<provider>}), the cookie cleared. Refusals are problems: 400 {@code oauth-state-invalid}
 * (unknown, used, expired or another browser's), 400 {@code oauth-code-rejected}, 401 {@code oauth-id-token-invalid},
 * 409 {@code identity-link-refused}, 422 {@code unprocessable} (no e-mail address), 503 {@code unavailable}.
 */
@RateLimited(EndpointClass.AUTH)
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
        Map<String, String> answer = request.method().equals("POST") ? form(request) : Map.of();
        java.util.function.Function<String, java.util.Optional<String>> param = name -> request.method().equals("POST")
                ? java.util.Optional.ofNullable(answer.get(name)).filter(v -> !v.isBlank()) : request.query(name);
        String state = param.apply("state").filter(s -> Requests.OPAQUE_TOKEN.matcher(s).matches())
                .orElseThrow(() -> new ApiException(ProblemType.OAUTH_STATE_INVALID, "The sign-in came back without its state; start it again"));
        String code = param.apply("code").filter(c -> PROVIDER_VALUE.matcher(c).matches()).orElse(null);
        String error = param.apply("error").map(e -> e.length() > 64 ? e.substring(0, 64) : e).orElse(null);
        OAuthSignIn.Finished finished = signIn.callback(state, code, error,
                request.cookie(OAuthSignIn.BROWSER_COOKIE).orElse(null), request.sourceIp(), request.userAgent());
        // 303: after Apple's posted form, the browser goes on to the app with a GET.
        return HttpResponse.status(request.method().equals("POST") ? 303 : 302, null)
                .location(finished.redirect().toString())
                .header("Set-Cookie", OAuthSignIn.BROWSER_COOKIE + "=; Path=/auth/oauth; Max-Age=0; HttpOnly; SameSite=Lax");
    }

    /** Apple's {@code form_post} answer: {@code application/x-www-form-urlencoded} {@code code}, {@code state} (and {@code user}). */
    private static Map<String, String> form(HttpRequest request) {
        Map<String, String> form = new LinkedHashMap<>();
        String body = new String(request.rawBody(), StandardCharsets.UTF_8);
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals <= 0) continue;
            try {
                form.putIfAbsent(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException malformed) {
                throw new ApiException(ProblemType.OAUTH_STATE_INVALID, "The sign-in came back malformed; start it again");
            }
        }
        return form;
    }
}
