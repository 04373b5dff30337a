package app.domus.rentals;

import app.domus.rentals.channels.CalendarFeeds;
import app.domus.rentals.channels.ChannelSync;
import app.domus.rentals.channels.Channels;
import app.domus.rentals.reservations.Reservations;
import app.domus.shared.access.AccessService;
import app.domus.shared.aws.AwsModule;
import app.domus.shared.idempotency.IdempotencyStore;
import app.domus.shared.notify.NotificationSender;
import dagger.Component;
import jakarta.inject.Singleton;
import java.time.Clock;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Wiring of the rentals functions, built once per cold start by each handler's public constructor. */
@Singleton
@Component(modules = {AwsModule.class, RentalsModule.class})
public interface RentalsComponent {
    AccessService access();

    IdempotencyStore idempotency();

    Clock clock();

    NotificationSender notifications();

    SqsClient sqs();

    Reservations reservations();

    Channels channels();

    ChannelSync channelSync();

    CalendarFeeds calendarFeeds();

    static RentalsComponent create() {
        return DaggerRentalsComponent.create();
    }
}
