package app.domus.delegations;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.shared.testing.TestPlatform;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The graph every delegations handler's public constructor builds through {@link DelegationsComponent#create()}. */
class DelegationsComponentTest {
    @Test
    void everyEntryPointIsWired() {
        TestPlatform.coldStart(Map.of(), () -> {
            DelegationsComponent wiring = DelegationsComponent.create();
            assertThat(wiring.access()).isNotNull();
            assertThat(wiring.delegations()).isNotNull();
            assertThat(wiring.notices()).isNotNull();
            assertThat(wiring.idempotency()).isNotNull();
            assertThat(wiring.delegations()).as("one graph, one of each").isSameAs(wiring.delegations());
            return wiring;
        });
    }
}
