package app.domus.listings.api;

import app.domus.listings.ListingsComponent;
import app.domus.shared.http.AcceptsIdempotencyKey;
import app.domus.shared.idempotency.IdempotencyStore;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.listings.agencies.Agencies;
import app.domus.listings.agencies.AgencyRequests;

/** {@code POST /agencies {name}}: any signed-in person founds an agency and becomes its admin (201). */
@AcceptsIdempotencyKey
public class CreateAgencyHandler extends HttpHandler {
    private IdempotencyStore idempotency;
    private final Agencies service;

    public CreateAgencyHandler() {
        this(ListingsComponent.create());
    }

    private CreateAgencyHandler(ListingsComponent wiring) {
        this(wiring.agencies());
        this.idempotency = wiring.idempotency();
    }

    /** With its service given (tests). */
    public CreateAgencyHandler(Agencies service) {
        this.service = service;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        return HttpResponse.created(service.create(request.caller(), request.json(AgencyRequests.CreateAgency.class)));
    }

    @Override
    protected IdempotencyStore idempotency() {
        return idempotency;
    }
}
