package app.domus.listings.inquiries;

import app.domus.listings.ListingsComponent;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import java.util.Locale;

/**
 * {@code GET /inquiries[?listingId=&scope=mine|listings&limit=&cursor=]}: a page of inquiries, newest first, with each
 * one's status (see {@link Inquiries#list}); {@code nextCursor} is opaque.
 */
public class ListInquiriesHandler extends HttpHandler {
    private final Inquiries inquiries;

    public ListInquiriesHandler() {
        this(ListingsComponent.create().inquiries());
    }

    /** With its service given (tests). */
    public ListInquiriesHandler(Inquiries inquiries) {
        this.inquiries = inquiries;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var caller = request.caller();
        int limit = request.limit();
        String listingId = request.query("listingId").orElse(null);
        if (listingId != null && !listingId.matches("[A-Za-z0-9_-]{1,64}")) throw ApiException.validation("listingId", "is not a listing id");
        Inquiries.Scope scope = request.query("scope").map(ListInquiriesHandler::scope).orElse(null);
        return HttpResponse.ok(inquiries.list(caller, listingId, scope, limit, request.query("cursor").orElse(null)));
    }

    private static Inquiries.Scope scope(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "mine" -> Inquiries.Scope.MINE;
            case "listings" -> Inquiries.Scope.LISTINGS;
            default -> throw ApiException.validation("scope", "must be mine or listings");
        };
    }
}
