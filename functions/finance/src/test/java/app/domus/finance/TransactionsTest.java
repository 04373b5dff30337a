package app.domus.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.shared.http.ApiException;
import app.domus.shared.http.ProblemType;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Which cancelled transactions are tried again, and how often. */
class TransactionsTest {
    private static TransactionCanceledException cancelled(String... codes) {
        var builder = TransactionCanceledException.builder().message("cancelled");
        if (codes.length > 0) {
            builder.cancellationReasons(java.util.Arrays.stream(codes).map(c -> CancellationReason.builder().code(c).build()).toList());
        }
        return builder.build();
    }

    @Test
    void aTransactionThatLostARaceIsTriedAgainUntilItGoesThrough() {
        AtomicInteger attempts = new AtomicInteger();
        String result = Transactions.retryingConflicts("The thing", () -> {
            int n = attempts.incrementAndGet();
            if (n == 1) throw cancelled("None", "ConditionalCheckFailed");
            if (n == 2) throw cancelled("TransactionConflict", "None");
            return "done on " + n;
        });
        assertThat(result).isEqualTo("done on 3");
    }

    @Test
    void aTransactionCancelledForAnotherReasonOrForNoneGivenIsNotTriedAgain() {
        AtomicInteger attempts = new AtomicInteger();
        TransactionCanceledException invalid = cancelled("None", "ValidationError");
        assertThatThrownBy(() -> Transactions.retryingConflicts("The thing", () -> {
            attempts.incrementAndGet();
            throw invalid;
        })).isSameAs(invalid);
        assertThat(attempts).hasValue(1);
        TransactionCanceledException unexplained = cancelled();
        assertThat(Transactions.lostARace(unexplained)).isFalse();
        assertThat(Transactions.lostARace(invalid)).isFalse();
        assertThat(Transactions.lostARace(cancelled("ConditionalCheckFailed"))).isTrue();
        assertThatThrownBy(() -> Transactions.retryingConflicts("The thing", () -> { throw unexplained; })).isSameAs(unexplained);
    }

    @Test
    void afterTenLostRacesTheCallerIsToldToTryAgain() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> Transactions.retryingConflicts("The organisation's invoice numbers", () -> {
            attempts.incrementAndGet();
            throw cancelled("TransactionConflict");
        })).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.type()).isEqualTo(ProblemType.CONFLICT);
            assertThat(e.detail()).isEqualTo("The organisation's invoice numbers is being changed by others right now; try again");
        });
        assertThat(attempts).hasValue(Transactions.ATTEMPTS);
    }

    @Test
    void anInterruptedRetryStopsAndKeepsTheInterrupt() {
        AtomicInteger attempts = new AtomicInteger();
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> Transactions.retryingConflicts("The thing", () -> {
                attempts.incrementAndGet();
                throw cancelled("TransactionConflict");
            })).isInstanceOf(IllegalStateException.class).hasMessage("Interrupted while retrying a transaction");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(attempts).hasValue(1);
    }
}
