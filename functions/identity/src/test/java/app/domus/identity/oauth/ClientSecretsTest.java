package app.domus.identity.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.identity.identities.Provider;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ClientSecretsTest {

    @Test
    void eachProviderHasItsSecretFromTheOneJsonSecretReadWhenNeeded() {
        AtomicInteger reads = new AtomicInteger();
        ClientSecrets secrets = new ClientSecrets(() -> {
            reads.incrementAndGet();
            return "{\"google\": \"g-secret\", \"facebook\": \"fb-secret\"}";
        });
        assertThat(reads).as("nothing is read before a sign-in needs it").hasValue(0);
        assertThat(secrets.of(Provider.GOOGLE)).isEqualTo("g-secret");
        assertThat(secrets.of(Provider.FACEBOOK)).isEqualTo("fb-secret");
        assertThatThrownBy(() -> secrets.of(Provider.APPLE)).isInstanceOf(IllegalStateException.class).hasMessageNotContaining("g-secret");
    }

    @Test
    void facebooksAppSecretProofIsTheHmacOfTheAccessTokenKeyedWithTheAppSecret() {
        // Facebook's documented example: appsecret_proof = HMAC-SHA256(key = app secret, message = access token), hex.
        assertThat(NimbusProviderClient.hmacSha256Hex("key", "The quick brown fox jumps over the lazy dog"))
                .isEqualTo("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }
}
