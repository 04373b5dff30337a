package app.domus.local.sns;

/**
 * A topic subscription from the template.
 *
 * @param endpoint a queue ARN ({@code sqs}), a function ARN ({@code lambda}), an address ({@code email}, {@code sms})
 * @param filter   {@code null} when every message is delivered
 */
public record Subscription(String arn, String topicArn, String protocol, String endpoint, boolean rawMessageDelivery,
                           FilterPolicy filter) {

    boolean accepts(SnsMessage message) {
        return filter == null || filter.matches(message.attributes(), message.message());
    }
}
