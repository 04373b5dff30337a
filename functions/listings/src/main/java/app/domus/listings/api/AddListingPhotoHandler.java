package app.domus.listings.api;

import app.domus.listings.ListingsComponent;
import app.domus.shared.http.AcceptsIdempotencyKey;
import app.domus.shared.idempotency.IdempotencyStore;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.listings.listings.ListingRequests;
import app.domus.listings.listings.ListingService;

/** {@code POST /listings/{listingId}/photos {uploadId}}: an upload becomes one of the listing's photos; its thumbnails follow (201). */
@AcceptsIdempotencyKey
public class AddListingPhotoHandler extends HttpHandler {
    private IdempotencyStore idempotency;
    private final ListingService service;

    public AddListingPhotoHandler() {
        this(ListingsComponent.create());
    }

    private AddListingPhotoHandler(ListingsComponent wiring) {
        this(wiring.listings());
        this.idempotency = wiring.idempotency();
    }

    /** With its service given (tests). */
    public AddListingPhotoHandler(ListingService service) {
        this.service = service;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var caller = request.caller();
        var body = request.json(ListingRequests.AddPhoto.class);
        return HttpResponse.created(service.addPhoto(caller, request.pathParam("listingId"), body));
    }

    @Override
    protected IdempotencyStore idempotency() {
        return idempotency;
    }
}
