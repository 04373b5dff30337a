package app.domus.finance.ledger;

import app.domus.finance.Transactions;
import app.domus.shared.http.ApiException;
import app.domus.shared.persistence.Cursor;
import app.domus.shared.persistence.DomusTable;
import app.domus.shared.persistence.Page;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;

/**
 * Each unit's account: entries in posting order, each carrying the balance after it. A posting reads the account's
 * {@link UnitBalanceItem} (strongly consistent), and writes the next entry (put only where none exists) and the new
 * balance (at the version read) in one transaction, beside whatever else the posting belongs to (the invoice it charges,
 * its event). A concurrent posting makes one of the two fail, and it is built again from the fresh balance.
 *
 * <p>Two ways in: {@link #post(String, Entry)} posts on its own (with retries); {@link #prepare(String, Entry)} gives the
 * writes for a caller's own transaction, which then retries through {@link Transactions#retryingConflicts}.
 */
@Singleton
public class Ledger {
    public enum Kind {
        /** An invoice: the unit owes its total. */
        CHARGE,
        /** A credit note: the invoice's total is taken back. */
        CREDIT,
        /** Money received for the unit. */
        PAYMENT,
        /** Money received and given back: the unit owes it again. */
        REFUND;

        public String wire() { return name().toLowerCase(Locale.ROOT); }
    }

    /**
     * What to post: {@code amount} is positive minor units, the kind gives its sign (a charge adds, a credit or payment
     * subtracts). {@code referenceType}/{@code referenceId} name the document (invoice, credit_note, payment).
     */
    public record Entry(Kind kind, long amount, String currency, String organisationId, String referenceType, String referenceId,
                        String documentNumber, String description) {
        public Entry {
            if (amount <= 0) throw new IllegalArgumentException("A ledger entry's amount is positive; its kind gives the sign");
        }

        public long signedAmount() {
            return kind == Kind.CHARGE || kind == Kind.REFUND ? amount : -amount;
        }
    }

    /** The writes of one posting: its entries, in order, and the account after them. */
    public record Posting(List<LedgerEntryItem> entries, UnitBalanceItem balance, boolean opensAccount, DomusTable table) {
        public LedgerEntryItem entry() {
            return entries.getLast();
        }

        public void addTo(TransactWriteItemsEnhancedRequest.Builder transaction) {
            entries.forEach(entry -> transaction.addPutItem(table.of(LedgerEntryItem.class), entry));
            if (opensAccount) transaction.addPutItem(table.of(UnitBalanceItem.class), balance);
            else transaction.addUpdateItem(table.of(UnitBalanceItem.class), balance);
        }
    }

    public record Account(String unitId, String currency, long balance, Page<LedgerEntryItem> entries) {}

    private final DomusTable table;
    private final Clock clock;

    @Inject
    public Ledger(DomusTable table, Clock clock) {
        this.table = table;
        this.clock = clock;
    }

    /** Posts the entry on its own transaction (a payment, say), retrying when another posting to the account came first. */
    public LedgerEntryItem post(String unitId, Entry entry) {
        return Transactions.retryingConflicts("The unit's account", () -> {
            Posting posting = prepare(unitId, entry);
            var transaction = TransactWriteItemsEnhancedRequest.builder();
            posting.addTo(transaction);
            table.client().transactWriteItems(transaction.build());
            return posting.entry();
        });
    }

    /** The writes that post {@code entry} after the account's current balance, for the caller's transaction. */
    public Posting prepare(String unitId, Entry entry) {
        return prepare(unitId, List.of(entry));
    }

    /**
     * The writes that post several entries in order (a payment and its refund, applied together), for the caller's
     * transaction: one transaction may touch the balance item only once, so they share one balance update.
     */
    public Posting prepare(String unitId, List<Entry> postings) {
        if (postings.isEmpty()) throw new IllegalArgumentException("A posting has at least one entry");
        Entry first = postings.getFirst();
        UnitBalanceItem balance = balance(unitId);
        boolean opens = balance == null;
        if (opens) {
            balance = new UnitBalanceItem();
            balance.setPk(LedgerEntryItem.pk(unitId));
            balance.setSk(UnitBalanceItem.SK);
            balance.setUnitId(unitId);
            balance.setOrganisationId(first.organisationId());
            balance.setCurrency(first.currency());
            balance.setBalance(0L);
            balance.setEntries(0L);
        }
        String now = clock.instant().toString();
        List<LedgerEntryItem> items = new ArrayList<>();
        for (Entry entry : postings) {
            if (!balance.getCurrency().equals(entry.currency())) {
                throw ApiException.validation("currency", "must be " + balance.getCurrency() + ", the currency of the unit's account");
            }
            long sequence = balance.getEntries() + 1;
            long after = Math.addExact(balance.getBalance(), entry.signedAmount());
            balance.setBalance(after);
            balance.setEntries(sequence);
            balance.setUpdatedAt(now);

            LedgerEntryItem item = new LedgerEntryItem();
            item.setPk(LedgerEntryItem.pk(unitId));
            item.setSk(LedgerEntryItem.sk(sequence));
            item.setUnitId(unitId);
            item.setOrganisationId(entry.organisationId());
            item.setSequence(sequence);
            item.setKind(entry.kind().wire());
            item.setAmount(entry.signedAmount());
            item.setBalanceAfter(after);
            item.setCurrency(entry.currency());
            item.setReferenceType(entry.referenceType());
            item.setReferenceId(entry.referenceId());
            item.setDocumentNumber(entry.documentNumber());
            item.setDescription(entry.description());
            item.setPostedAt(now);
            items.add(item);
        }
        return new Posting(List.copyOf(items), balance, opens, table);
    }

    /** The account's balance item, read strongly consistent (a posting must start from the latest); null before the first entry. */
    public UnitBalanceItem balance(String unitId) {
        Key key = Key.builder().partitionValue(LedgerEntryItem.pk(unitId)).sortValue(UnitBalanceItem.SK).build();
        return table.of(UnitBalanceItem.class).getItem(GetItemEnhancedRequest.builder().key(key).consistentRead(true).build());
    }

    /** The balance and one page of entries, newest first. */
    public Account account(String unitId, String fallbackCurrency, int limit, String cursor) {
        UnitBalanceItem balance = balance(unitId);
        String pk = LedgerEntryItem.pk(unitId);
        var request = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.sortBeginsWith(Key.builder().partitionValue(pk).sortValue(LedgerEntryItem.SK_PREFIX).build()))
                .scanIndexForward(false)
                .limit(limit)
                .exclusiveStartKey(Cursor.decode(cursor, "pk", pk))
                .build();
        var page = table.of(LedgerEntryItem.class).query(request).iterator().next();
        return new Account(unitId, balance == null ? fallbackCurrency : balance.getCurrency(), balance == null ? 0 : balance.getBalance(),
                new Page<>(page.items(), Cursor.encode(page.lastEvaluatedKey())));
    }
}
