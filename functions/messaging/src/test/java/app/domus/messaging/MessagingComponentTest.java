package app.domus.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.shared.testing.TestPlatform;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The graph every messaging handler's public constructor builds through {@link MessagingComponent#create()}. */
class MessagingComponentTest {
    @Test
    void everyEntryPointIsWired() {
        TestPlatform.coldStart(Map.of(), () -> {
            MessagingComponent wiring = MessagingComponent.create();
            assertThat(wiring.access()).isNotNull();
            assertThat(wiring.idempotency()).isNotNull();
            assertThat(wiring.conversations()).isNotNull();
            assertThat(wiring.messages()).isNotNull();
            assertThat(wiring.delivery()).isNotNull();
            assertThat(wiring.clock()).isNotNull();
            assertThat(wiring.messages()).as("one graph, one of each").isSameAs(wiring.messages());
            return wiring;
        });
    }
}
