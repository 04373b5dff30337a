package app.domus.notifications;

import app.domus.notifications.delivery.Notifier;
import app.domus.notifications.devices.DeviceService;
import app.domus.notifications.history.NotificationHistory;
import app.domus.notifications.preferences.PreferencesService;
import app.domus.shared.aws.AwsModule;
import app.domus.shared.aws.SnsModule;
import app.domus.shared.idempotency.IdempotencyStore;
import app.domus.shared.live.LiveUpdatesModule;
import dagger.Component;
import jakarta.inject.Singleton;

/** Wiring of the notification functions, built once per cold start by each handler's public constructor. */
@Singleton
@Component(modules = {AwsModule.class, SnsModule.class, MessagingModule.class, LiveUpdatesModule.class})
public interface NotificationsComponent {
    IdempotencyStore idempotency();

    Notifier notifier();

    PreferencesService preferences();

    DeviceService devices();

    NotificationHistory history();

    /** The one way to build the wiring: once per cold start, in a handler's public constructor. */
    static NotificationsComponent create() {
        return DaggerNotificationsComponent.create();
    }
}
