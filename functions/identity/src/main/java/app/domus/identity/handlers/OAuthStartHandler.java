package app.domus.identity.handlers;

import app.domus.shared.guard.EndpointClass;
import app.domus.shared.guard.RateLimited;
import app.domus.identity.identities.Provider;
import app.domus.identity.oauth.OAuthComponent;
import app.domus.identity.oauth.OAuthSettings;
import app.domus.identity.oauth.OAuthSignIn;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;

/**
 * {@code GET /auth/oauth/{provider}} ({@code google}, {@code apple}, {@code facebook}; public, opened by the browser;
 * {@code ?link=<ticket>} for a signed-in person linking the provider) → 302 to the provider's authorisation endpoint,
 * with the cookie {@code domus_oauth} that binds the attempt to this browser (HttpOnly, SameSite=Lax, 10 minutes, only
 * sent to {@code /auth/oauth}; for Apple, which posts its answer from its own site, SameSite=None and Secure). An unknown or unconfigured provider is 404; a used or expired ticket 400; more than 100
 * starts a minute from one client address 429.
 */
@RateLimited(EndpointClass.AUTH)
public class OAuthStartHandler extends HttpHandler {
    private final OAuthSignIn signIn;
    private final boolean secureCookie;

    public OAuthStartHandler() {
        this(OAuthComponent.create().signIn(), OAuthSettings.fromEnv().publicBaseUrl().startsWith("https:"));
    }

    OAuthStartHandler(OAuthSignIn signIn, boolean secureCookie) {
        this.signIn = signIn;
        this.secureCookie = secureCookie;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        Provider provider = Provider.of(request.pathParam("provider"))
                .orElseThrow(() -> ApiException.notFound("The sign-in provider"));
        String ticket = request.query("link").filter(t -> Requests.OPAQUE_TOKEN.matcher(t).matches()).orElse(null);
        if (request.query("link").isPresent() && ticket == null) throw new ApiException(app.domus.shared.http.ProblemType.OAUTH_STATE_INVALID,
                "The link ticket is not valid; ask for a new one");
        OAuthSignIn.Started started = signIn.start(provider, ticket, request.sourceIp());
        return HttpResponse.status(302, null)
                .location(started.redirect().toString())
                .header("Set-Cookie", OAuthSignIn.BROWSER_COOKIE + "=" + started.browserSecret() + "; Path=/auth/oauth; Max-Age="
                        + started.cookieSeconds() + "; HttpOnly" + (started.crossSitePost() ? "; SameSite=None; Secure"
                        : "; SameSite=Lax" + (secureCookie ? "; Secure" : "")));
    }
}
