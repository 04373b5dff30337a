package app.domus.identity.handlers;

import app.domus.identity.IdentityComponent;
import app.domus.shared.events.DomainEvent;
import app.domus.shared.events.EventConsumer;
import app.domus.shared.idempotency.IdempotencyStore;
import app.domus.shared.notify.Category;
import app.domus.shared.notify.NotificationRequest;
import app.domus.shared.notify.NotificationSender;
import java.util.Map;

/** On {@code UserRegistered}: asks the notifier to send the welcome e-mail. */
public class WelcomeEmailHandler extends EventConsumer {
    private final IdempotencyStore idempotency;
    private final NotificationSender notifications;

    public WelcomeEmailHandler() {
        this(IdentityComponent.create());
    }

    private WelcomeEmailHandler(IdentityComponent component) {
        this(component.idempotency(), component.notifications());
    }

    WelcomeEmailHandler(IdempotencyStore idempotency, NotificationSender notifications) {
        this.idempotency = idempotency;
        this.notifications = notifications;
    }

    @Override
    protected IdempotencyStore idempotency() {
        return idempotency;
    }

    @Override
    protected void handle(DomainEvent event) {
        if (!"UserRegistered".equals(event.type())) return;
        String userId = event.payload().path("userId").asText();
        notifications.send(new NotificationRequest("welcome-" + userId, userId, null, Category.ACCOUNT, "welcome",
                Map.of("email", event.payload().path("email").asText(), "role", event.payload().path("role").asText())));
    }
}
