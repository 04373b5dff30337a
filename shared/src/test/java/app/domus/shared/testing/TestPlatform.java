package app.domus.shared.testing;

import app.domus.shared.aws.PlatformConfig;
import app.domus.shared.config.Env;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

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

    /**
     * The variables every function is deployed with, naming the platform's resources without creating them (a
     * component builds its clients lazily), with a context's own ones beside them.
     */
    public static Map<String, String> deployed(Map<String, String> extra) {
        Map<String, String> vars = new HashMap<>();
        vars.put("TABLE_NAME", "DomusTable");
        vars.put("IDEMPOTENCY_TABLE_NAME", "IdempotencyTable");
        vars.put("EVENTS_TOPIC_ARN", "arn:aws:sns:eu-central-1:000000000000:EventsTopic");
        vars.put("NOTIFICATION_QUEUE_URL", "http://127.0.0.1:9/000000000000/NotificationQueue");
        vars.put("LIVE_UPDATES_QUEUE_URL", "http://127.0.0.1:9/000000000000/LiveUpdatesQueue");
        vars.put("PHOTOS_BUCKET", "photos");
        vars.putAll(extra);
        return vars;
    }

    /** Runs {@code build} as a handler's public constructor runs at a cold start: with the deployed variables and a region. */
    public static <T> T coldStart(Map<String, String> extra, Supplier<T> build) {
        if (System.getProperty("aws.region") == null) System.setProperty("aws.region", "eu-central-1");
        return Env.with(deployed(extra), build);
    }
}
