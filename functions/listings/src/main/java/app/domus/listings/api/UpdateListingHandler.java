package app.domus.listings.api;

import app.domus.listings.ListingsComponent;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.listings.listings.ListingRequests;
import app.domus.listings.listings.ListingService;

/** {@code PATCH /listings/{listingId}} (optionally {@code If-Match}): the agency changes a listing; a price change is recorded. */
public class UpdateListingHandler extends HttpHandler {
    private final ListingService service;

    public UpdateListingHandler() {
        this(ListingsComponent.create());
    }

    private UpdateListingHandler(ListingsComponent wiring) {
        this(wiring.listings());
    }

    /** With its service given (tests). */
    public UpdateListingHandler(ListingService service) {
        this.service = service;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var caller = request.caller();
        var body = request.json(ListingRequests.UpdateListing.class);
        var listing = service.update(caller, request.pathParam("listingId"), body, request.ifMatchVersion());
        return HttpResponse.ok(listing).etag(listing.version());
    }
}
