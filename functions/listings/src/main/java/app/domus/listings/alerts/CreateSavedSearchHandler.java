package app.domus.listings.alerts;

import app.domus.listings.ListingsComponent;
import app.domus.shared.http.AcceptsIdempotencyKey;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.shared.idempotency.IdempotencyStore;

/** {@code POST /saved-searches}: anyone signed in saves a search and is alerted at once of listings that match it (201). */
@AcceptsIdempotencyKey
public class CreateSavedSearchHandler extends HttpHandler {
    private IdempotencyStore idempotency;
    private final SavedSearches searches;

    public CreateSavedSearchHandler() {
        this(ListingsComponent.create());
    }

    private CreateSavedSearchHandler(ListingsComponent wiring) {
        this(wiring.savedSearches());
        this.idempotency = wiring.idempotency();
    }

    /** With its service given (tests). */
    public CreateSavedSearchHandler(SavedSearches searches) {
        this.searches = searches;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var caller = request.caller();
        return HttpResponse.created(searches.create(caller, request.json(SavedSearchRequest.class)));
    }

    @Override
    protected IdempotencyStore idempotency() {
        return idempotency;
    }
}
