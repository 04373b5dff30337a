package app.domus.shared.aws;

import app.domus.shared.config.Env;

/**
 * The names of the platform's shared resources, as {@code template.yaml} passes them to every function.
 * Read once when a function's component is built; a function that needs a value it was not given fails
 * at its first use with the variable's name.
 */
public final class PlatformConfig {
    private final String tableName = Env.optional("TABLE_NAME").orElse(null);
    private final String idempotencyTableName = Env.optional("IDEMPOTENCY_TABLE_NAME").orElse(null);
    private final String eventsTopicArn = Env.optional("EVENTS_TOPIC_ARN").orElse(null);
    private final String notificationQueueUrl = Env.optional("NOTIFICATION_QUEUE_URL").orElse(null);
    private final String liveUpdatesQueueUrl = Env.optional("LIVE_UPDATES_QUEUE_URL").orElse(null);
    private final String photosBucket = Env.optional("PHOTOS_BUCKET").orElse(null);
    private final String functionName = Env.optional("AWS_LAMBDA_FUNCTION_NAME").orElse("domus-function");

    public String tableName() { return need(tableName, "TABLE_NAME"); }
    public String idempotencyTableName() { return need(idempotencyTableName, "IDEMPOTENCY_TABLE_NAME"); }
    public String eventsTopicArn() { return need(eventsTopicArn, "EVENTS_TOPIC_ARN"); }
    public String notificationQueueUrl() { return need(notificationQueueUrl, "NOTIFICATION_QUEUE_URL"); }
    public String liveUpdatesQueueUrl() { return need(liveUpdatesQueueUrl, "LIVE_UPDATES_QUEUE_URL"); }
    public String photosBucket() { return need(photosBucket, "PHOTOS_BUCKET"); }
    public String functionName() { return functionName; }

    private static String need(String value, String variable) {
        if (value == null) throw new IllegalStateException("Missing environment variable " + variable);
        return value;
    }
}
