package app.domus.listings.api;

import app.domus.listings.ListingsComponent;
import app.domus.shared.http.AcceptsIdempotencyKey;
import app.domus.shared.idempotency.IdempotencyStore;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.listings.listings.ListingRequests;
import app.domus.listings.listings.ListingService;

/** {@code POST /listings {property, description, pricing, photos[]}}: a realtor creates a draft listing (201). */
@AcceptsIdempotencyKey
public class CreateListingHandler extends HttpHandler {
    private IdempotencyStore idempotency;
    private final ListingService service;

    public CreateListingHandler() {
        this(ListingsComponent.create());
    }

    private CreateListingHandler(ListingsComponent wiring) {
        this(wiring.listings());
        this.idempotency = wiring.idempotency();
    }

    /** With its service given (tests). */
    public CreateListingHandler(ListingService service) {
        this.service = service;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var caller = request.caller();
        var created = service.create(caller, request.json(ListingRequests.CreateListing.class));
        return HttpResponse.created(created).location("/listings/" + created.listingId()).etag(created.version());
    }

    @Override
    protected IdempotencyStore idempotency() {
        return idempotency;
    }
}
