package app.domus.finance.payments;

import static app.domus.shared.testing.DirectoryWorld.caller;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.finance.FinanceFixture;
import app.domus.finance.invoices.InvoiceItem;
import app.domus.finance.invoices.InvoiceRequests;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.ProblemType;
import org.junit.jupiter.api.Test;

class PaymentServiceTest {
    private final FinanceFixture f = new FinanceFixture();
    private final InvoiceItem invoice = f.invoice(); // 295.00 EUR

    private PaymentService.Started start(String who, String key) {
        return f.payments.start(caller(who), new PaymentRequests.StartPayment(invoice.getId(), "pm_card_visa"), key);
    }

    private ProblemType refusal(String who) {
        try {
            start(who, "k-" + who);
            return null;
        } catch (ApiException e) {
            return e.type();
        }
    }

    @Test
    void theOwnerGetsAnIntentForWhatIsOwedNamingTheInvoiceWithTheKeyPassedOn() {
        var started = start(f.owner, "key-1");
        assertThat(started.clientSecret()).startsWith(started.payment().getId() + "_secret_");
        var created = f.gateway.created.getFirst();
        assertThat(created.amount()).isEqualTo(29500);
        assertThat(created.currency()).isEqualTo("EUR");
        assertThat(created.paymentMethod()).isEqualTo("pm_card_visa");
        assertThat(created.metadata()).containsEntry(PaymentRequests.INVOICE_ID, invoice.getId()).containsEntry(PaymentRequests.PAYER_ID, f.owner);
        assertThat(created.key()).as("the gateway's idempotency key is the request's, scoped by the payer").contains("key-1").contains(f.owner);
        PaymentItem stored = f.settlement.payment(started.payment().getId()).orElseThrow();
        assertThat(stored.getStatus()).isEqualTo(PaymentItem.PENDING);
        assertThat(stored.getInvoiceId()).isEqualTo(invoice.getId());
        assertThat(stored.getCreatedBy()).isEqualTo(f.owner);
        assertThat(f.ledger.balance(f.unit1.getId()).getBalance()).as("nothing is paid until the gateway says so").isEqualTo(29500);
    }

    @Test
    void whatIsOwedIsWhatRemainsAfterPartPayments() {
        f.settlement.apply(GatewayEvent.parse("""
                {"id":"evt_1","type":"payment_intent.succeeded","created":1,"data":{"object":{"id":"pi_part","object":"payment_intent",
                "amount_received":9500,"currency":"eur","metadata":{"invoiceId":"%s"}}}}""".formatted(invoice.getId())).orElseThrow());
        start(f.payDelegate, "key-2");
        assertThat(f.gateway.created.getLast().amount()).isEqualTo(20000);
    }

    @Test
    void onlyOwnersAndPayDelegatesPayOthersAreRefusedOrDoNotSeeTheInvoice() {
        assertThat(refusal(f.payDelegate)).isNull();
        assertThat(refusal(f.financeDelegate)).as("view_finances is not pay").isEqualTo(ProblemType.FORBIDDEN);
        assertThat(refusal(f.tenant)).isEqualTo(ProblemType.FORBIDDEN);
        assertThat(refusal(f.manager)).isEqualTo(ProblemType.FORBIDDEN);
        assertThat(refusal(f.otherOwner)).isEqualTo(ProblemType.FORBIDDEN);
        assertThat(refusal(f.outsider)).isEqualTo(ProblemType.NOT_FOUND);
        assertThatThrownBy(() -> f.payments.start(caller(f.owner), new PaymentRequests.StartPayment("01JNOSUCHINVOICE0000000000", "pm_card_visa"), "k"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.NOT_FOUND));
        assertThat(f.gateway.created).as("no intent for those refused").hasSize(1);
    }

    @Test
    void aPaidOrCancelledInvoiceIsAConflictAndTheGatewayIsNotAsked() {
        f.settlement.apply(GatewayEvent.parse("""
                {"id":"evt_1","type":"payment_intent.succeeded","created":1,"data":{"object":{"id":"pi_all","object":"payment_intent",
                "amount_received":29500,"currency":"eur","metadata":{"invoiceId":"%s"}}}}""".formatted(invoice.getId())).orElseThrow());
        assertThat(refusal(f.owner)).isEqualTo(ProblemType.INVALID_STATE);
        InvoiceItem other = f.invoice();
        f.invoices.cancel(caller(f.manager), other.getId(), new InvoiceRequests.CancelInvoice("wrong"));
        assertThatThrownBy(() -> f.payments.start(caller(f.owner), new PaymentRequests.StartPayment(other.getId(), "pm_card_visa"), "k"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.INVALID_STATE));
        assertThat(f.gateway.created).isEmpty();
    }

    @Test
    void aGatewayRefusalIsTheCallersProblemAnOutageA503AndNeitherStoresAPayment() {
        int items = f.itemCount();
        f.gateway.failure = new PaymentGateway.Refused("resource_missing", "No such PaymentMethod");
        assertThat(refusal(f.owner)).isEqualTo(ProblemType.VALIDATION);
        f.gateway.failure = new PaymentGateway.Unavailable("down", new RuntimeException());
        assertThat(refusal(f.owner)).isEqualTo(ProblemType.UNAVAILABLE);
        assertThat(f.itemCount()).isEqualTo(items);
    }
}
