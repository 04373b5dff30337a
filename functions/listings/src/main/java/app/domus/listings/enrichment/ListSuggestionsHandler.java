package app.domus.listings.enrichment;

import app.domus.listings.ListingsComponent;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import java.util.Map;

/** {@code GET /listings/{listingId}/suggestions}: what enrichment suggested, to the listing's agency only. */
public class ListSuggestionsHandler extends HttpHandler {
    private final ListingSuggestions suggestions;

    public ListSuggestionsHandler() {
        this(ListingsComponent.create().suggestions());
    }

    public ListSuggestionsHandler(ListingSuggestions suggestions) {
        this.suggestions = suggestions;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        return HttpResponse.ok(Map.of("items", suggestions.list(request.caller(), request.pathParam("listingId"))));
    }
}
