package app.domus.messaging;

import app.domus.messaging.conversations.ConversationService;
import app.domus.messaging.delivery.MessageDelivery;
import app.domus.messaging.messages.MessageService;
import app.domus.shared.access.AccessService;
import app.domus.shared.aws.AwsModule;
import app.domus.shared.aws.S3Module;
import app.domus.shared.idempotency.IdempotencyStore;
import app.domus.shared.live.LiveUpdatesModule;
import dagger.Component;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Wiring of the messaging functions, built once per cold start by each handler's public constructor. */
@Singleton
@Component(modules = {AwsModule.class, S3Module.class, LiveUpdatesModule.class})
public interface MessagingComponent {
    AccessService access();

    ConversationService conversations();

    MessageService messages();

    MessageDelivery delivery();

    IdempotencyStore idempotency();

    Clock clock();

    static MessagingComponent create() {
        return DaggerMessagingComponent.create();
    }
}
