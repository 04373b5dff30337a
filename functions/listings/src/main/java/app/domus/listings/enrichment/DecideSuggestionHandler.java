package app.domus.listings.enrichment;

import app.domus.listings.ListingsComponent;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;

/**
 * {@code PUT /listings/{listingId}/suggestions/{suggestionId}} {@code {status}}: the listing's agency accepts a
 * suggestion (its label joins the listing's features or tags, {@code ListingUpdated}) or rejects it.
 */
public class DecideSuggestionHandler extends HttpHandler {
    private final ListingSuggestions suggestions;

    public DecideSuggestionHandler() {
        this(ListingsComponent.create().suggestions());
    }

    public DecideSuggestionHandler(ListingSuggestions suggestions) {
        this.suggestions = suggestions;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        Decision decision = request.json(Decision.class);
        return HttpResponse.ok(suggestions.decide(request.caller(), request.pathParam("listingId"),
                request.pathParam("suggestionId"), decision.wire()));
    }
}
