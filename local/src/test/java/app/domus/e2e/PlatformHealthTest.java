package app.domus.e2e;

import static app.domus.e2e.OpenApiContract.conforms;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.local.testing.ApiResponse;
import app.domus.local.testing.LocalCloudClient;
import app.domus.local.testing.LocalCloudExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Liveness and readiness through the gateway: on the local cloud every dependency answers. */
@ExtendWith(LocalCloudExtension.class)
class PlatformHealthTest {

    @Test
    void readinessReportsEachDependencyUp(LocalCloudClient cloud) {
        assertThat(conforms("GET", "/health", cloud.anonymous().get("/health")).status()).isEqualTo(200);
        ApiResponse ready = conforms("GET", "/health/ready", cloud.anonymous().get("/health/ready"));
        assertThat(ready.status()).as(ready.body()).isEqualTo(200);
        assertThat(ready.json().path("components")).extracting(c -> c.path("name").asText())
                .containsExactlyInAnyOrder("dynamodb", "s3", "events-topic");
        assertThat(ready.json().path("components")).allSatisfy(c -> assertThat(c.path("up").asBoolean()).isTrue());
    }
}
