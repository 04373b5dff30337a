package app.domus.listings.api;

import app.domus.listings.ListingsComponent;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.listings.listings.ListingService;

/** {@code GET /listings/{listingId}}: a published listing to anyone signed in, a draft or withdrawn one to its agency. */
public class GetListingHandler extends HttpHandler {
    private final ListingService service;

    public GetListingHandler() {
        this(ListingsComponent.create());
    }

    private GetListingHandler(ListingsComponent wiring) {
        this(wiring.listings());
    }

    /** With its service given (tests). */
    public GetListingHandler(ListingService service) {
        this.service = service;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var caller = request.caller();
        var listing = service.get(caller, request.pathParam("listingId"));
        return HttpResponse.ok(listing).etag(listing.version());
    }
}
