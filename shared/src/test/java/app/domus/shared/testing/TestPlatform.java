package app.domus.shared.testing;

import app.domus.shared.aws.PlatformConfig;
import app.domus.shared.config.Env;
import java.util.HashMap;
import java.util.Map;

/** Platform configuration for tests: fresh tables in DynamoDB Local, other resources named as given. */
public final class TestPlatform {
    private TestPlatform() {}

    public static PlatformConfig config() {
        return config(Map.of());
    }

    public static PlatformConfig config(Map<String, String> extra) {
        Map<String, String> vars = new HashMap<>();
        vars.put("TABLE_NAME", LocalDynamo.freshTable("DomusTable"));
        vars.put("IDEMPOTENCY_TABLE_NAME", LocalDynamo.freshTable("IdempotencyTable"));
        vars.put("EVENTS_TOPIC_ARN", "arn:aws:sns:eu-central-1:000000000000:EventsTopic");
        vars.put("NOTIFICATION_QUEUE_URL", "http://127.0.0.1:9/000000000000/NotificationQueue");
        vars.put("PHOTOS_BUCKET", "photos");
        vars.putAll(extra);
        return Env.with(vars, PlatformConfig::new);
    }
}
