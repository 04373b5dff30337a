package app.domus.listings.inquiries;

import app.domus.listings.ListingsComponent;
import app.domus.shared.http.AcceptsIdempotencyKey;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.shared.idempotency.IdempotencyStore;

/** {@code POST /inquiries}: a signed-in person asks about a published listing (201; 429 beyond 5 an hour). */
@AcceptsIdempotencyKey
public class CreateInquiryHandler extends HttpHandler {
    private IdempotencyStore idempotency;
    private final Inquiries inquiries;

    public CreateInquiryHandler() {
        this(ListingsComponent.create());
    }

    private CreateInquiryHandler(ListingsComponent wiring) {
        this(wiring.inquiries());
        this.idempotency = wiring.idempotency();
    }

    /** With its service given (tests). */
    public CreateInquiryHandler(Inquiries inquiries) {
        this.inquiries = inquiries;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        return HttpResponse.created(inquiries.create(request.caller(), request.json(InquiryRequests.CreateInquiry.class)));
    }

    @Override
    protected IdempotencyStore idempotency() {
        return idempotency;
    }
}
