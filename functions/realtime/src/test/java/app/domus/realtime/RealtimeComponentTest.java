package app.domus.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.shared.testing.TestPlatform;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The graph every realtime handler's public constructor builds through {@link RealtimeComponent#create()}. */
class RealtimeComponentTest {
    private static final Map<String, String> VARIABLES = Map.of(
            "SIGNING_KEYS_PARAMETER", "/domus/signing-keys", "JWT_ISSUER", "https://issuer.test", "JWT_AUDIENCE", "domus-app",
            "WEBSOCKET_MANAGEMENT_ENDPOINT", "https://ws.example.test/live");

    @Test
    void everyEntryPointIsWired() {
        TestPlatform.coldStart(VARIABLES, () -> {
            RealtimeComponent wiring = RealtimeComponent.create();
            assertThat(wiring.access()).isNotNull();
            assertThat(wiring.connections()).isNotNull();
            assertThat(wiring.topics()).isNotNull();
            assertThat(wiring.accessTokens()).isNotNull();
            assertThat(wiring.broadcaster()).isNotNull();
            assertThat(wiring.typing()).isNotNull();
            assertThat(wiring.notifications()).isNotNull();
            assertThat(wiring.topics()).as("one graph, one of each").isSameAs(wiring.topics());
            return wiring;
        });
    }

    @Test
    void theConnectionHandlersNeedNoManagementEndpoint() {
        Map<String, String> withoutEndpoint = new java.util.HashMap<>(VARIABLES);
        withoutEndpoint.remove("WEBSOCKET_MANAGEMENT_ENDPOINT");
        TestPlatform.coldStart(withoutEndpoint, () -> {
            RealtimeComponent wiring = RealtimeComponent.create();
            assertThat(wiring.connections()).isNotNull();
            assertThat(wiring.typing()).as("typing builds the broadcaster when it first relays").isNotNull();
            assertThatThrownBy(wiring::broadcaster).as("only the broadcaster needs it").isInstanceOf(IllegalStateException.class);
            return wiring;
        });
    }
}
