package app.domus.listings.inquiries;

import app.domus.listings.ListingsComponent;
import app.domus.shared.http.AcceptsIdempotencyKey;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.shared.idempotency.IdempotencyStore;

/** {@code POST /inquiries/{inquiryId}/responses}: a realtor of the listing's agency answers (201, InquiryResponded). */
@AcceptsIdempotencyKey
public class RespondToInquiryHandler extends HttpHandler {
    private IdempotencyStore idempotency;
    private final Inquiries inquiries;

    public RespondToInquiryHandler() {
        this(ListingsComponent.create());
    }

    private RespondToInquiryHandler(ListingsComponent wiring) {
        this(wiring.inquiries());
        this.idempotency = wiring.idempotency();
    }

    /** With its service given (tests). */
    public RespondToInquiryHandler(Inquiries inquiries) {
        this.inquiries = inquiries;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        return HttpResponse.created(inquiries.respond(request.caller(), request.pathParam("inquiryId"),
                request.json(InquiryRequests.Respond.class)));
    }

    @Override
    protected IdempotencyStore idempotency() {
        return idempotency;
    }
}
