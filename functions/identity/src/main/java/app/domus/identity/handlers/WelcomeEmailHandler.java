package app.domus.identity.handlers;

import app.domus.identity.IdentityComponent;
import app.domus.shared.events.EventConsumer;
import app.domus.identity.registration.UserRegistered;
import app.domus.shared.idempotency.IdempotencyStore;
import app.domus.shared.notify.Category;
import app.domus.shared.notify.NotificationRequest;
import app.domus.shared.notify.NotificationSender;
import java.util.Map;

/** On {@code UserRegistered}: asks the notifier to send the welcome e-mail. */
public class WelcomeEmailHandler extends EventConsumer<UserRegistered> {
    private final NotificationSender notifications;

    public WelcomeEmailHandler() {
        this(IdentityComponent.create());
    }

    private WelcomeEmailHandler(IdentityComponent component) {
        this(component.idempotency(), component.notifications());
    }

    WelcomeEmailHandler(IdempotencyStore idempotency, NotificationSender notifications) {
        super(UserRegistered.class, idempotency, UserRegistered.TYPE);
        this.notifications = notifications;
    }

    @Override
    protected void handle(UserRegistered event) {
        notifications.send(new NotificationRequest("welcome-" + event.userId(), event.userId(), null, Category.ACCOUNT, "welcome",
                Map.of("email", event.email(), "role", event.role())));
    }
}
