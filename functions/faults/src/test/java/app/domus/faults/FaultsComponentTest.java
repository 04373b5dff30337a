package app.domus.faults;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.faults.triage.TriageComponent;
import app.domus.shared.testing.TestPlatform;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The graph every handler's public constructor builds through {@link FaultsComponent#create()}, with either AI provider. */
class FaultsComponentTest {
    @Test
    void everyEntryPointIsWired() {
        TestPlatform.coldStart(Map.of(), () -> {
            FaultsComponent wiring = FaultsComponent.create();
            assertThat(wiring.faultAccess()).isNotNull();
            assertThat(wiring.uploads()).isNotNull();
            assertThat(wiring.reporting()).isNotNull();
            assertThat(wiring.workflow()).isNotNull();
            assertThat(wiring.queries()).isNotNull();
            assertThat(wiring.notices()).isNotNull();
            assertThat(wiring.idempotency()).isNotNull();
            assertThat(wiring.reporting()).as("one graph, one of each").isSameAs(wiring.reporting());
            return wiring;
        });
    }

    @Test
    void triageIsWiredWithTheLocalProvider() {
        TestPlatform.coldStart(Map.of("AI_PROVIDER", "local"), () -> {
            TriageComponent wiring = TriageComponent.create();
            assertThat(wiring.triage()).isNotNull().isSameAs(wiring.triage());
            assertThat(wiring.idempotency()).isNotNull();
            return wiring;
        });
    }

    @Test
    void triageIsWiredWithTheAwsProvider() {
        assertThat(TestPlatform.coldStart(Map.of("AI_PROVIDER", "aws"), () -> TriageComponent.create().triage())).isNotNull();
    }
}
