package app.domus.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.shared.testing.TestPlatform;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The graph every notifications handler's public constructor builds through {@link NotificationsComponent#create()}. */
class NotificationsComponentTest {
    @Test
    void everyEntryPointIsWired() {
        TestPlatform.coldStart(Map.of("SENDER_EMAIL", "no-reply@domus.test"), () -> {
            NotificationsComponent wiring = NotificationsComponent.create();
            assertThat(wiring.idempotency()).isNotNull();
            assertThat(wiring.notifier()).isNotNull();
            assertThat(wiring.preferences()).isNotNull();
            assertThat(wiring.devices()).isNotNull();
            assertThat(wiring.history()).isNotNull();
            assertThat(wiring.notifier()).as("one graph, one of each").isSameAs(wiring.notifier());
            return wiring;
        });
    }
}
