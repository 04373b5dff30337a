package app.domus.rentals;

import app.domus.rentals.channels.CalendarFeeds;
import app.domus.rentals.channels.ChannelCredentials;
import app.domus.rentals.channels.ChannelItem;
import app.domus.rentals.channels.ChannelSource;
import app.domus.rentals.channels.ChannelSync;
import app.domus.rentals.channels.Channels;
import app.domus.rentals.channels.ChannexChannelManager;
import app.domus.rentals.channels.IcalFeedSource;
import app.domus.rentals.channels.SyncRequests;
import app.domus.rentals.reservations.ReservationBook;
import app.domus.rentals.reservations.Reservations;
import app.domus.shared.config.Env;
import app.domus.shared.persistence.DomusTable;
import dagger.Module;
import dagger.Provides;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The channels: the channel manager at {@code CHANNEL_MANAGER_BASE_URL} (Channex's API unless set; the local cloud points
 * it at its double), iCal feeds at their own addresses, credentials in Secrets Manager; the sync queue at
 * {@code CHANNEL_SYNC_QUEUE_URL}; the unit feeds' addresses start with {@code JWT_ISSUER} (the template's {@code PublicBaseUrl}, the HTTP API's public address). AWS clients are built on first use, so a function that never needs them does not pay.
 */
@Module
public final class RentalsModule {
    static final String CHANNEX = "https://app.channex.io";

    private RentalsModule() {}

    /** Built only by the functions that read or write credentials, whose zip carries the Secrets Manager client. */
    @Provides @Singleton
    static ChannelCredentials credentials(SdkHttpClient http) {
        return app.domus.rentals.channels.CredentialStores.fromEnvironment(http);
    }

    @Provides @Singleton
    static SyncRequests syncRequests(SqsClient sqs) {
        return new SyncRequests(sqs, Env.optional("CHANNEL_SYNC_QUEUE_URL").orElse(null));
    }

    @Provides @Singleton
    static Channels channels(DomusTable table, Reservations reservations, ChannelCredentials credentials, SyncRequests queue, Clock clock) {
        return new Channels(table, reservations, credentials, queue, clock);
    }

    @Provides @Singleton
    static ChannelSync sync(DomusTable table, ReservationBook book, ChannelCredentials credentials, Clock clock) {
        Map<String, ChannelSource> sources = Map.of(
                ChannelItem.MANAGER, new ChannexChannelManager(Env.optional("CHANNEL_MANAGER_BASE_URL").filter(s -> !s.isBlank()).orElse(CHANNEX)),
                ChannelItem.ICAL, new IcalFeedSource());
        return new ChannelSync(table, book, credentials, sources, clock, Duration.ofMillis(500));
    }

    @Provides @Singleton
    static CalendarFeeds calendarFeeds(DomusTable table, Reservations reservations, ReservationBook book, Clock clock) {
        return new CalendarFeeds(table, reservations, book, clock, Env.optional("JWT_ISSUER").orElse(""));
    }
}
