package app.domus.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.shared.testing.TestPlatform;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The graph every tenancy handler's public constructor builds through {@link TenancyComponent#create()}. */
class TenancyComponentTest {
    @Test
    void everyEntryPointIsWired() {
        TestPlatform.coldStart(Map.of(), () -> {
            TenancyComponent wiring = TenancyComponent.create();
            assertThat(wiring.idempotency()).isNotNull();
            assertThat(wiring.access()).isNotNull();
            assertThat(wiring.organisations()).isNotNull();
            assertThat(wiring.buildings()).isNotNull();
            assertThat(wiring.units()).isNotNull();
            assertThat(wiring.ownerships()).isNotNull();
            assertThat(wiring.invitations()).isNotNull();
            assertThat(wiring.technicians()).isNotNull();
            assertThat(wiring.buildings()).as("one graph, one of each").isSameAs(wiring.buildings());
            return wiring;
        });
    }
}
