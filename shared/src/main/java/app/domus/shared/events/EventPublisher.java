package app.domus.shared.events;

import app.domus.shared.aws.PlatformConfig;
import app.domus.shared.json.Json;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * Publishes domain events to the events topic. The event type travels as the {@code eventType} message
 * attribute so that each subscription's filter policy picks what its queue receives.
 */
@Singleton
public class EventPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(EventPublisher.class);

    private final SnsClient sns;
    private final PlatformConfig config;
    private final Clock clock;

    @Inject
    public EventPublisher(SnsClient sns, PlatformConfig config, Clock clock) {
        this.sns = sns;
        this.config = config;
        this.clock = clock;
    }

    public DomainEvent publish(String type, String organisationId, Object payload) {
        DomainEvent event = DomainEvent.of(type, organisationId, Json.MAPPER.valueToTree(payload), clock.instant());
        sns.publish(b -> b.topicArn(config.eventsTopicArn())
                .message(Json.write(event))
                .messageAttributes(Map.of("eventType",
                        MessageAttributeValue.builder().dataType("String").stringValue(type).build())));
        LOG.info("Published {} {}", type, event.id());
        return event;
    }
}
