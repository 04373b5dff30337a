package app.domus.identity;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.shared.testing.TestPlatform;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The graph every identity handler's public constructor builds through {@link IdentityComponent#create()}. */
class IdentityComponentTest {
    @Test
    void everyEntryPointIsWiredWithAGeneratedKeyWhenNoParameterIsNamed() {
        TestPlatform.coldStart(Map.of("JWT_ISSUER", "https://issuer.test"), () -> {
            IdentityComponent wiring = IdentityComponent.create();
            assertThat(wiring.registration()).isNotNull();
            assertThat(wiring.login()).isNotNull();
            assertThat(wiring.mfa()).isNotNull();
            assertThat(wiring.sessions()).isNotNull();
            assertThat(wiring.account()).isNotNull();
            assertThat(wiring.tokens()).isNotNull();
            assertThat(wiring.idempotency()).isNotNull();
            assertThat(wiring.notifications()).isNotNull();
            assertThat(wiring.signingKeys().publicKeys().getKeys()).as("a key to sign with").isNotEmpty();
            assertThat(wiring.signingKeys()).as("one graph, one key set").isSameAs(wiring.signingKeys());
            return wiring;
        });
    }
}
