package app.domus.platform;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.shared.testing.TestPlatform;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The graph the platform's handlers build through {@link PlatformComponent#create()}. */
class PlatformComponentTest {
    @Test
    void everyEntryPointIsWired() {
        TestPlatform.coldStart(Map.of(), () -> {
            PlatformComponent wiring = PlatformComponent.create();
            assertThat(wiring.readiness()).isNotNull();
            assertThat(wiring.outboxRelay()).isNotNull();
            assertThat(wiring.outboxRelay()).as("one graph, one of each").isSameAs(wiring.outboxRelay());
            return wiring;
        });
    }
}
