package app.domus.faults;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.shared.config.Env;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The graph every handler's public constructor builds, with either AI provider. */
class FaultsComponentTest {
    @BeforeAll
    static void region() {
        if (System.getProperty("aws.region") == null) System.setProperty("aws.region", "eu-central-1");
    }

    private static Map<String, String> environment(String aiProvider) {
        Map<String, String> vars = new HashMap<>(Map.of("TABLE_NAME", "DomusTable", "IDEMPOTENCY_TABLE_NAME", "IdempotencyTable",
                "EVENTS_TOPIC_ARN", "arn:aws:sns:eu-central-1:000000000000:EventsTopic",
                "NOTIFICATION_QUEUE_URL", "http://127.0.0.1:9/000000000000/NotificationQueue", "PHOTOS_BUCKET", "photos"));
        vars.put("AI_PROVIDER", aiProvider);
        return vars;
    }

    @Test
    void everyEntryPointIsWiredWithTheLocalProvider() {
        Env.with(environment("local"), () -> {
            FaultsComponent wiring = DaggerFaultsComponent.create();
            assertThat(wiring.faultAccess()).isNotNull();
            assertThat(wiring.uploads()).isNotNull();
            assertThat(wiring.reporting()).isNotNull();
            assertThat(wiring.workflow()).isNotNull();
            assertThat(wiring.queries()).isNotNull();
            assertThat(wiring.triage()).isNotNull();
            assertThat(wiring.notices()).isNotNull();
            assertThat(wiring.idempotency()).isNotNull();
            return null;
        });
    }

    @Test
    void triageIsWiredWithTheAwsProvider() {
        Env.with(environment("aws"), () -> assertThat(DaggerFaultsComponent.create().triage()).isNotNull());
    }
}
