package app.domus.calendar;

import app.domus.calendar.connect.Connections;
import app.domus.calendar.events.CalendarSources;
import app.domus.calendar.feed.IcalFeeds;
import app.domus.calendar.sync.CalendarNotifications;
import app.domus.calendar.sync.CalendarPush;
import app.domus.calendar.sync.CalendarSync;
import app.domus.calendar.sync.Onboarding;
import app.domus.shared.aws.AwsModule;
import app.domus.shared.idempotency.IdempotencyStore;
import dagger.Component;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Wiring of the calendar functions, built once per cold start by each handler's public constructor. */
@Singleton
@Component(modules = {AwsModule.class, CalendarModule.class})
public interface CalendarComponent {
    IdempotencyStore idempotency();

    SqsClient sqs();

    Connections connections();

    Onboarding onboarding();

    CalendarSync sync();

    CalendarPush push();

    CalendarNotifications notifications();

    CalendarSources sources();

    IcalFeeds feeds();

    app.domus.calendar.connect.ConnectionErasure erasure();

    static CalendarComponent create() {
        return DaggerCalendarComponent.create();
    }
}
