package app.domus.local;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.local.testing.ApiResponse;
import app.domus.local.testing.LocalCloudClient;
import app.domus.local.testing.LocalCloudExtension;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The repository's own template.yaml runs: every handler loads, and the platform's key routes answer. */
@ExtendWith(LocalCloudExtension.class)
class PlatformTemplateTest {

    @Test
    void runsEveryFunctionOfTheTemplate(LocalCloudClient cloud) {
        JsonNode health = cloud.console("health");

        assertThat(health.path("status").asText()).as(health.toString()).isEqualTo("UP");
    }

    @Test
    void answersThePublicHealthRoute(LocalCloudClient cloud) {
        assertThat(cloud.anonymous().get("/health").status()).isEqualTo(200);
    }

    @Test
    void servesTheSeededSigningKeysSoTheAuthorizerAcceptsPlatformTokens(LocalCloudClient cloud) {
        ApiResponse jwks = cloud.anonymous().get("/.well-known/jwks.json");
        assertThat(jwks.status()).isEqualTo(200);
        assertThat(jwks.json().path("keys").size()).isGreaterThanOrEqualTo(1);

        ApiResponse discovery = cloud.anonymous().get("/.well-known/openid-configuration");
        assertThat(discovery.status()).isEqualTo(200);
        assertThat(discovery.json().path("issuer").asText()).isEqualTo(cloud.httpUrl());
    }
}
