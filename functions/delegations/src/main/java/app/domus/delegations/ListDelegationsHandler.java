package app.domus.delegations;

import app.domus.shared.http.ApiException;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import java.util.Locale;

/** {@code GET /delegations?direction=given|received}: the caller's own delegations, both directions by default. */
public class ListDelegationsHandler extends HttpHandler {
    private final DelegationService delegations;

    public ListDelegationsHandler() {
        this(DelegationsComponent.create().delegations());
    }

    ListDelegationsHandler(DelegationService delegations) {
        this.delegations = delegations;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var caller = request.caller();
        int limit = request.limit();
        DelegationService.Direction direction = request.query("direction").map(ListDelegationsHandler::direction)
                .orElse(DelegationService.Direction.BOTH);
        return HttpResponse.ok(delegations.list(caller, direction, limit, request.query("cursor").orElse(null)));
    }

    private static DelegationService.Direction direction(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "given" -> DelegationService.Direction.GIVEN;
            case "received" -> DelegationService.Direction.RECEIVED;
            default -> throw ApiException.validation("direction", "must be given or received");
        };
    }
}
