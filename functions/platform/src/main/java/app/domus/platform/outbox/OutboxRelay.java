package app.domus.platform.outbox;

import app.domus.shared.aws.PlatformConfig;
import app.domus.shared.events.OutboxItem;
import app.domus.shared.observability.Observability;
import app.domus.shared.persistence.TableItem;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * Moves domain events from the table's outbox onto the events topic: publishes an outbox item's envelope with its
 * type as the {@code eventType} attribute (what the subscriptions' filter policies read), then marks the item
 * published, takes it out of the pending index and gives it a TTL. Publishing comes first, so a crash in between
 * publishes the event again; consumers deduplicate by event id.
 */
@Singleton
public class OutboxRelay {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
    /** How long a published item stays readable (for audits and replays) before DynamoDB deletes it. */
    static final Duration KEPT_AFTER_PUBLISHING = Duration.ofDays(7);

    private final SnsClient sns;
    private final DynamoDbClient dynamoDb;
    private final PlatformConfig config;
    private final Clock clock;

    @Inject
    public OutboxRelay(SnsClient sns, DynamoDbClient dynamoDb, PlatformConfig config, Clock clock) {
        this.sns = sns;
        this.dynamoDb = dynamoDb;
        this.config = config;
        this.clock = clock;
    }

    /** One outbox item as the stream or the pending index shows it. */
    public record Pending(String pk, String sk, String eventType, String envelope) {
        static Pending of(Map<String, AttributeValue> item) {
            return new Pending(text(item, "pk"), text(item, "sk"), text(item, "eventType"), text(item, "envelope"));
        }

        private static String text(Map<String, AttributeValue> item, String name) {
            AttributeValue value = item.get(name);
            if (value == null || value.s() == null) throw new IllegalArgumentException("The outbox item has no " + name);
            return value.s();
        }
    }

    public void relay(Pending item) {
        sns.publish(b -> b.topicArn(config.eventsTopicArn())
                .message(item.envelope())
                .messageAttributes(Map.of("eventType",
                        MessageAttributeValue.builder().dataType("String").stringValue(item.eventType()).build())));
        markPublished(item);
        Observability.count("EventsPublished");
        LOG.info("Published {} {}", item.eventType(), item.sk());
    }

    private void markPublished(Pending item) {
        long now = clock.millis();
        try {
            dynamoDb.updateItem(b -> b.tableName(config.tableName())
                    .key(Map.of("pk", AttributeValue.fromS(item.pk()), "sk", AttributeValue.fromS(item.sk())))
                    .updateExpression("SET publishedAt = :now, #ttl = :ttl REMOVE gsi1pk, gsi1sk")
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeNames(Map.of("#ttl", "ttl"))
                    .expressionAttributeValues(Map.of(
                            ":now", AttributeValue.fromS(clock.instant().toString()),
                            ":ttl", AttributeValue.fromN(Long.toString((now + KEPT_AFTER_PUBLISHING.toMillis()) / 1000)))));
        } catch (ConditionalCheckFailedException gone) {
            // Expired or deleted meanwhile: the event went out all the same.
        }
    }

    /**
     * Publishes what is still pending and older than {@code olderThan}: what the stream did not deliver (its
     * retries ran out, or the records aged past the stream's 24 hours). Younger items are left to the stream.
     *
     * @return how many events were published
     */
    public int sweep(Duration olderThan) {
        String before = OutboxItem.pendingSince(clock.millis() - olderThan.toMillis());
        int published = 0;
        for (int shard = 0; shard < OutboxItem.PENDING_SHARDS; shard++) {
            QueryRequest query = QueryRequest.builder().tableName(config.tableName()).indexName(TableItem.GSI1)
                    .keyConditionExpression("gsi1pk = :pending AND gsi1sk < :before")
                    .expressionAttributeValues(Map.of(
                            ":pending", AttributeValue.fromS(OutboxItem.pendingShard(shard)),
                            ":before", AttributeValue.fromS(before)))
                    .build();
            for (Map<String, AttributeValue> item : dynamoDb.queryPaginator(query).items()) {
                relay(Pending.of(item));
                published++;
            }
        }
        if (published > 0) LOG.warn("The sweeper published {} event(s) the stream had not delivered", published);
        return published;
    }
}
