package app.domus.listings.api;

import app.domus.listings.ListingsComponent;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.listings.listings.ListingService;

/** {@code POST /listings/{listingId}/publish}: a draft becomes published ({@code ListingPublished}). */
public class PublishListingHandler extends HttpHandler {
    private final ListingService service;

    public PublishListingHandler() {
        this(ListingsComponent.create());
    }

    private PublishListingHandler(ListingsComponent wiring) {
        this(wiring.listings());
    }

    /** With its service given (tests). */
    public PublishListingHandler(ListingService service) {
        this.service = service;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var caller = request.caller();
        var listing = service.publish(caller, request.pathParam("listingId"));
        return HttpResponse.ok(listing).etag(listing.version());
    }
}
