package app.domus.finance.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.finance.FinanceFixture;
import app.domus.shared.testing.Refusals;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;

/** What each posting records on the entry and on the account's balance. */
class LedgerRecordsTest {
    private final FinanceFixture f = new FinanceFixture();

    @Test
    void aPostedEntryRecordsItsAccountDocumentAndTimeAndIsReturnedAsStored() {
        f.clock.set(Instant.parse("2026-03-04T07:00:00Z"));
        LedgerEntryItem posted = f.ledger.post(f.unit1.getId(), new Ledger.Entry(Ledger.Kind.CHARGE, 1200, "EUR", f.org, "invoice", "01JINV",
                "INV-2026-000009", "Invoice INV-2026-000009"));
        assertThat(posted.getSequence()).isEqualTo(1L);
        assertThat(posted.getBalanceAfter()).isEqualTo(1200L);

        LedgerEntryItem stored = f.table.get(LedgerEntryItem.class, LedgerEntryItem.pk(f.unit1.getId()), LedgerEntryItem.sk(1)).orElseThrow();
        assertThat(stored.getSk()).isEqualTo("ENTRY#000000000001");
        assertThat(stored.getUnitId()).isEqualTo(f.unit1.getId());
        assertThat(stored.getOrganisationId()).isEqualTo(f.org);
        assertThat(stored.getKind()).isEqualTo("charge");
        assertThat(stored.getAmount()).isEqualTo(1200L);
        assertThat(stored.getCurrency()).isEqualTo("EUR");
        assertThat(stored.getReferenceType()).isEqualTo("invoice");
        assertThat(stored.getReferenceId()).isEqualTo("01JINV");
        assertThat(stored.getDocumentNumber()).isEqualTo("INV-2026-000009");
        assertThat(stored.getDescription()).isEqualTo("Invoice INV-2026-000009");
        assertThat(stored.getPostedAt()).isEqualTo("2026-03-04T07:00:00Z");

        UnitBalanceItem balance = f.ledger.balance(f.unit1.getId());
        assertThat(balance.getUnitId()).isEqualTo(f.unit1.getId());
        assertThat(balance.getOrganisationId()).isEqualTo(f.org);
        assertThat(balance.getCurrency()).isEqualTo("EUR");
        assertThat(balance.getBalance()).isEqualTo(1200L);
        assertThat(balance.getEntries()).isEqualTo(1L);
        assertThat(balance.getUpdatedAt()).isEqualTo("2026-03-04T07:00:00Z");

        f.clock.set(Instant.parse("2026-03-05T07:00:00Z"));
        LedgerEntryItem refund = f.ledger.post(f.unit1.getId(), new Ledger.Entry(Ledger.Kind.REFUND, 300, "EUR", f.org, "payment", "pi_1", null, "Refund"));
        assertThat(refund.getAmount()).as("a refund is owed again").isEqualTo(300L);
        assertThat(refund.getBalanceAfter()).isEqualTo(1500L);
        assertThat(f.ledger.balance(f.unit1.getId()).getUpdatedAt()).isEqualTo("2026-03-05T07:00:00Z");
        assertThat(f.ledger.balance(f.unit1.getId()).getEntries()).isEqualTo(2L);
    }

    @Test
    void severalEntriesOfOnePostingFollowEachOtherOnOneBalanceUpdate() {
        f.ledger.post(f.unit1.getId(), new Ledger.Entry(Ledger.Kind.CHARGE, 1000, "EUR", f.org, "invoice", "i", "INV", "Invoice"));
        Ledger.Posting posting = f.ledger.prepare(f.unit1.getId(), List.of(
                new Ledger.Entry(Ledger.Kind.PAYMENT, 1000, "EUR", f.org, "payment", "pi", "INV", "Payment"),
                new Ledger.Entry(Ledger.Kind.REFUND, 400, "EUR", f.org, "payment", "pi", "INV", "Refund")));
        assertThat(posting.opensAccount()).isFalse();
        assertThat(posting.entries()).extracting(LedgerEntryItem::getSequence).containsExactly(2L, 3L);
        assertThat(posting.entries()).extracting(LedgerEntryItem::getBalanceAfter).containsExactly(0L, 400L);
        assertThat(posting.entry().getKind()).isEqualTo("refund");
        var transaction = TransactWriteItemsEnhancedRequest.builder();
        posting.addTo(transaction);
        f.table.client().transactWriteItems(transaction.build());
        assertThat(f.ledger.account(f.unit1.getId(), "EUR", 10, null).balance()).isEqualTo(400);
        assertThat(f.ledger.balance(f.unit1.getId()).getEntries()).isEqualTo(3L);
        assertThatThrownBy(() -> f.ledger.prepare(f.unit1.getId(), List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAccountWithoutEntriesShowsNothingOwedInTheFallbackCurrencyAndAnotherCurrencyIsRefusedNamingTheAccounts() {
        var empty = f.ledger.account(f.unit2.getId(), "CHF", 10, null);
        assertThat(empty.currency()).isEqualTo("CHF");
        assertThat(empty.balance()).isZero();
        assertThat(empty.entries().items()).isEmpty();
        assertThat(empty.entries().nextCursor()).isNull();
        f.ledger.post(f.unit2.getId(), new Ledger.Entry(Ledger.Kind.CHARGE, 100, "EUR", f.org, "invoice", "i", "INV", "Invoice"));
        assertThat(f.ledger.account(f.unit2.getId(), "CHF", 10, null).currency()).isEqualTo("EUR");
        assertThat(Refusals.detail(() -> f.ledger.post(f.unit2.getId(), new Ledger.Entry(Ledger.Kind.CHARGE, 100, "USD", f.org, "invoice", "i", "INV", "x"))))
                .isEqualTo("must be EUR, the currency of the unit's account");
        assertThat(Ledger.Kind.PAYMENT.wire()).isEqualTo("payment");
    }
}
