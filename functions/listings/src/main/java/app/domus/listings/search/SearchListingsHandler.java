package app.domus.listings.search;

import app.domus.shared.guard.EndpointClass;
import app.domus.shared.guard.RateLimited;
import app.domus.listings.ListingsComponent;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;

/** {@code GET /listings?...} (public, no token): published listings by city, district or distance ({@link SearchQuery}). */
@RateLimited(EndpointClass.PUBLIC_SEARCH)
public class SearchListingsHandler extends HttpHandler {
    private final ListingSearch search;

    public SearchListingsHandler() {
        this(ListingsComponent.create().search());
    }

    /** With its service given (tests). */
    public SearchListingsHandler(ListingSearch search) {
        this.search = search;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var found = search.search(SearchQuery.parse(request));
        return HttpResponse.ok(found.page()).header("X-Cache", found.cached() ? "hit" : "miss");
    }
}
