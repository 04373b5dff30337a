package app.domus.listings.alerts;

import app.domus.listings.ListingsComponent;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;

/**
 * {@code GET /saved-searches/{savedSearchId}/unsubscribe?token=}: the one-click link of an alert e-mail (no sign-in:
 * the token is the authority). The search's alerts stop; the same link again answers the same.
 */
public class UnsubscribeSavedSearchHandler extends HttpHandler {
    private final SavedSearches searches;

    public UnsubscribeSavedSearchHandler() {
        this(ListingsComponent.create().savedSearches());
    }

    /** With its service given (tests). */
    public UnsubscribeSavedSearchHandler(SavedSearches searches) {
        this.searches = searches;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        return HttpResponse.ok(searches.unsubscribe(request.pathParam("savedSearchId"), request.query("token").orElse(null)));
    }
}
