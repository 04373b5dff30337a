package app.domus.finance;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.shared.testing.TestPlatform;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The graph every handler's public constructor builds through {@link FinanceComponent#create()}. */
class FinanceComponentTest {
    @Test
    void everyEntryPointIsWiredOnce() {
        TestPlatform.coldStart(Map.of(), () -> {
            FinanceComponent wiring = FinanceComponent.create();
            assertThat(wiring.invoices()).isNotNull().isSameAs(wiring.invoices());
            assertThat(wiring.queries()).isNotNull();
            assertThat(wiring.ledger()).isNotNull();
            assertThat(wiring.files()).isNotNull();
            assertThat(wiring.documents()).isNotNull();
            assertThat(wiring.access()).isNotNull();
            assertThat(wiring.idempotency()).isNotNull();
            assertThat(wiring.reminders()).isNotNull().isSameAs(wiring.reminders());
            assertThat(wiring.overdueNotices()).isNotNull();
            assertThat(wiring.clock()).isNotNull();
            return wiring;
        });
    }
}
