package app.domus.shared.snapstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.shared.ids.Ids;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PrimingTest {
    @Test
    void theHookPrimesTheHandlerAndAFailingPrimeDoesNotFailTheSnapshot() {
        AtomicInteger primed = new AtomicInteger();
        Priming.register(primed::incrementAndGet).beforeCheckpoint(null);
        assertThat(primed).hasValue(1);
        assertThatCode(() -> Priming.register(() -> { throw new IllegalStateException("no network"); }).beforeCheckpoint(null))
                .doesNotThrowAnyException();
    }

    @Test
    void anHttpHandlersPrimingIsOneRequestRefusedBeforeItsWorkWithoutCredentials() {
        AtomicInteger entered = new AtomicInteger();
        AtomicInteger worked = new AtomicInteger();
        HttpHandler handler = new HttpHandler() {
            @Override
            protected HttpResponse handle(HttpRequest request) {
                entered.incrementAndGet();
                request.caller();
                worked.incrementAndGet();
                return HttpResponse.noContent();
            }
        };
        handler.prime();
        assertThat(entered).as("requests the handler saw").hasValue(1);
        assertThat(worked).as("requests that got past the caller check").hasValue(0);
    }

    @Test
    void afterARestoreIdsStayUniqueAndOrdered() {
        String before = Ids.newId();
        Priming.register(() -> { }).afterRestore(null);
        String after = Ids.newId();
        assertThat(after).isNotEqualTo(before);
        assertThat(after.substring(0, 10)).isGreaterThanOrEqualTo(before.substring(0, 10));
    }
}
