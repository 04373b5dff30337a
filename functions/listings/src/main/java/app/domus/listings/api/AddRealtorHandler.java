package app.domus.listings.api;

import app.domus.listings.ListingsComponent;
import app.domus.shared.http.AcceptsIdempotencyKey;
import app.domus.shared.idempotency.IdempotencyStore;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.listings.agencies.Agencies;
import app.domus.listings.agencies.AgencyRequests;

/** {@code POST /agencies/{agencyId}/realtors {email}}: the agency admin makes a person with an account one of its realtors (201). */
@AcceptsIdempotencyKey
public class AddRealtorHandler extends HttpHandler {
    private IdempotencyStore idempotency;
    private final Agencies service;

    public AddRealtorHandler() {
        this(ListingsComponent.create());
    }

    private AddRealtorHandler(ListingsComponent wiring) {
        this(wiring.agencies());
        this.idempotency = wiring.idempotency();
    }

    /** With its service given (tests). */
    public AddRealtorHandler(Agencies service) {
        this.service = service;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var caller = request.caller();
        return HttpResponse.created(service.addRealtor(caller, request.pathParam("agencyId"), request.json(AgencyRequests.AddRealtor.class)));
    }

    @Override
    protected IdempotencyStore idempotency() {
        return idempotency;
    }
}
