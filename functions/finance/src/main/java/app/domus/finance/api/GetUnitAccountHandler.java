package app.domus.finance.api;

import app.domus.finance.FinanceAccess;
import app.domus.finance.FinanceComponent;
import app.domus.finance.ledger.Ledger;
import app.domus.finance.ledger.LedgerEntryItem;
import app.domus.finance.money.Money;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

/** {@code GET /units/{unitId}/account}: the unit's balance and its ledger entries, newest first, each with the balance after it. */
public class GetUnitAccountHandler extends HttpHandler {
    private final FinanceAccess access;
    private final Ledger ledger;

    public GetUnitAccountHandler() {
        FinanceComponent wiring = FinanceComponent.create();
        this.access = wiring.access();
        this.ledger = wiring.ledger();
    }

    /** One entry: signed minor units (a charge positive, a credit or payment negative). */
    public record EntryView(long sequence, String kind, long amount, long balanceAfter, String currency, String referenceType,
                            String referenceId, String documentNumber, String description, String postedAt) {
        static EntryView of(LedgerEntryItem e) {
            return new EntryView(e.getSequence(), e.getKind(), e.getAmount(), e.getBalanceAfter(), e.getCurrency(), e.getReferenceType(),
                    e.getReferenceId(), e.getDocumentNumber(), e.getDescription(), e.getPostedAt());
        }
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        String unitId = request.pathParam("unitId");
        access.viewUnit(request.caller(), unitId);
        Ledger.Account account = ledger.account(unitId, Money.DEFAULT_CURRENCY, request.limit(), request.query("cursor").orElse(null));
        Map<String, Object> body = new HashMap<>();
        body.put("unitId", account.unitId());
        body.put("currency", account.currency());
        body.put("balance", account.balance());
        body.put("items", account.entries().items().stream().map(EntryView::of).toList());
        if (account.entries().nextCursor() != null) body.put("nextCursor", account.entries().nextCursor());
        return HttpResponse.ok(body);
    }
}
