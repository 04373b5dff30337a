package app.domus.listings.api;

import app.domus.listings.ListingsComponent;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.listings.listings.ListingService;

/** {@code POST /listings/{listingId}/withdraw}: a published listing is withdrawn ({@code ListingWithdrawn}). */
public class WithdrawListingHandler extends HttpHandler {
    private final ListingService service;

    public WithdrawListingHandler() {
        this(ListingsComponent.create());
    }

    private WithdrawListingHandler(ListingsComponent wiring) {
        this(wiring.listings());
    }

    /** With its service given (tests). */
    public WithdrawListingHandler(ListingService service) {
        this.service = service;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var caller = request.caller();
        var listing = service.withdraw(caller, request.pathParam("listingId"));
        return HttpResponse.ok(listing).etag(listing.version());
    }
}
