package app.domus.finance.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.finance.FinanceFixture;
import app.domus.shared.http.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The running balance against DynamoDB Local: kept exactly, in order, under concurrent postings. */
class LedgerTest {
    private final FinanceFixture f = new FinanceFixture();

    private Ledger.Entry entry(Ledger.Kind kind, long amount) {
        return new Ledger.Entry(kind, amount, "EUR", f.org, "test", "ref-" + amount, null, kind.wire());
    }

    @Test
    void eachEntryCarriesTheBalanceAfterItAndTheSequenceGivesTheOrder() {
        f.ledger.post(f.unit1.getId(), entry(Ledger.Kind.CHARGE, 10000));
        f.ledger.post(f.unit1.getId(), entry(Ledger.Kind.PAYMENT, 4000));
        f.ledger.post(f.unit1.getId(), entry(Ledger.Kind.CREDIT, 6000));
        var account = f.ledger.account(f.unit1.getId(), "EUR", 10, null);
        assertThat(account.balance()).isZero();
        assertThat(account.entries().items()).extracting(LedgerEntryItem::getSequence).containsExactly(3L, 2L, 1L);
        assertThat(account.entries().items()).extracting(LedgerEntryItem::getAmount).containsExactly(-6000L, -4000L, 10000L);
        assertThat(account.entries().items()).extracting(LedgerEntryItem::getBalanceAfter).containsExactly(0L, 6000L, 10000L);
        var page = f.ledger.account(f.unit1.getId(), "EUR", 2, null);
        assertThat(page.entries().nextCursor()).isNotNull();
        assertThat(f.ledger.account(f.unit1.getId(), "EUR", 2, page.entries().nextCursor()).entries().items())
                .extracting(LedgerEntryItem::getSequence).containsExactly(1L);
        // Another unit's account is its own.
        assertThat(f.ledger.account(f.unit2.getId(), "EUR", 10, null).balance()).isZero();
    }

    @Test
    void anAccountKeepsOneCurrencyAndAnEntryHasAPositiveAmount() {
        f.ledger.post(f.unit1.getId(), entry(Ledger.Kind.CHARGE, 100));
        assertThatThrownBy(() -> f.ledger.post(f.unit1.getId(), new Ledger.Entry(Ledger.Kind.CHARGE, 100, "USD", f.org, "t", "r", null, "x")))
                .isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> entry(Ledger.Kind.PAYMENT, -5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> entry(Ledger.Kind.PAYMENT, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concurrentPostingsNeverDriftTheBalance() throws Exception {
        int threads = 4, perThread = 15;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong expected = new AtomicLong();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long seed = t;
            done.add(pool.submit(() -> {
                Random random = new Random(seed);
                for (int i = 0; i < perThread; i++) {
                    Ledger.Kind kind = Ledger.Kind.values()[random.nextInt(3)];
                    Ledger.Entry e = entry(kind, 1 + random.nextInt(100_000));
                    f.ledger.post(f.unit1.getId(), e);
                    expected.addAndGet(e.signedAmount());
                }
                return null;
            }));
        }
        for (Future<?> future : done) future.get();
        pool.shutdown();

        var account = f.ledger.account(f.unit1.getId(), "EUR", 100, null);
        assertThat(account.balance()).isEqualTo(expected.get());
        List<LedgerEntryItem> entries = new ArrayList<>(account.entries().items());
        assertThat(entries).hasSize(threads * perThread);
        java.util.Collections.reverse(entries);
        long running = 0, sequence = 0;
        for (LedgerEntryItem e : entries) {
            running += e.getAmount();
            assertThat(e.getSequence()).isEqualTo(++sequence);
            assertThat(e.getBalanceAfter()).as("balance after entry " + e.getSequence()).isEqualTo(running);
        }
        assertThat(running).isEqualTo(expected.get());
    }
}
