package app.domus.calendar.connect;

import app.domus.calendar.CalendarComponent;
import app.domus.calendar.sync.Onboarding;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.shared.http.ProblemType;

/**
 * {@code GET /calendar/callback?code=&state=}: where the provider sends the person back after consent. Public (the
 * browser comes back without the app's token): the single-use state is the authority. The code is exchanged, the
 * calendar watched and its events imported: {@code 200 {connected, provider, connectionId, imported}}. A refused
 * consent ({@code error=access_denied}), an unknown, used or expired state is 400.
 */
public class CalendarCallbackHandler extends HttpHandler {
    private final Onboarding onboarding;

    public CalendarCallbackHandler() {
        this(CalendarComponent.create().onboarding());
    }

    public CalendarCallbackHandler(Onboarding onboarding) {
        this.onboarding = onboarding;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        if (request.query("error").isPresent()) {
            throw new ApiException(ProblemType.VALIDATION, "The calendar was not connected: the provider said " + request.query("error").get().replaceAll("[^A-Za-z0-9_ -]", ""));
        }
        return HttpResponse.ok(onboarding.callback(request.query("code").orElse(null), request.query("state").orElse(null)));
    }
}
