package app.domus.listings.inquiries;

import app.domus.listings.ListingsComponent;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;

/** {@code GET /inquiries/{inquiryId}}: the inquiry and its answers, to its inquirer and the listing agency's realtors. */
public class GetInquiryHandler extends HttpHandler {
    private final Inquiries inquiries;

    public GetInquiryHandler() {
        this(ListingsComponent.create().inquiries());
    }

    /** With its service given (tests). */
    public GetInquiryHandler(Inquiries inquiries) {
        this.inquiries = inquiries;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        return HttpResponse.ok(inquiries.get(request.caller(), request.pathParam("inquiryId")));
    }
}
