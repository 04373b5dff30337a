package app.domus.rentals.stays;

import app.domus.rentals.locks.LockGateway;
import app.domus.rentals.locks.NukiLockGateway;
import app.domus.rentals.police.PoliceGateway;
import app.domus.rentals.police.SesCredentials;
import app.domus.rentals.police.SesHospedajesPoliceGateway;
import app.domus.rentals.reservations.Reservations;
import app.domus.shared.access.AccessService;
import app.domus.shared.aws.PlatformConfig;
import app.domus.shared.config.Env;
import app.domus.shared.events.Outbox;
import app.domus.shared.notify.NotificationSender;
import app.domus.shared.persistence.DomusTable;
import app.domus.shared.ratelimit.RateLimiter;
import dagger.Module;
import dagger.Provides;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The stay saga's partners and secrets: the smart-lock cloud at {@code SMART_LOCK_API_BASE_URL} with the Bearer token in
 * the Secrets Manager secret {@code SMART_LOCK_API_TOKEN_SECRET}, the police portal at {@code POLICE_PORTAL_BASE_URL} with
 * the credentials in {@code POLICE_PORTAL_CREDENTIALS_SECRET}, the access codes' key in {@code ACCESS_CODE_KEY_SECRET},
 * the ID images in {@code PHOTOS_BUCKET}; the check-in page a guest is sent to is {@code CHECK_IN_URL}.
 */
@Module
public final class StaysModule {
    private StaysModule() {}

    @Provides @Singleton
    static SecureParameters parameters(SdkHttpClient http) {
        return new SecureParameters(http);
    }

    @Provides @Singleton
    static LockGateway locks(SecureParameters parameters) {
        return new NukiLockGateway(Env.orDefault("SMART_LOCK_API_BASE_URL", "https://api.nuki.io"),
                () -> parameters.get(Env.required("SMART_LOCK_API_TOKEN_SECRET")));
    }

    @Provides @Singleton
    static PoliceGateway police(SecureParameters parameters) {
        return new SesHospedajesPoliceGateway(Env.orDefault("POLICE_PORTAL_BASE_URL", "https://hospedajes.ses.mir.es"),
                () -> SesCredentials.fromJson(parameters.get(Env.required("POLICE_PORTAL_CREDENTIALS_SECRET"))));
    }

    @Provides @Singleton
    static AccessCodes codes(SecureParameters parameters) {
        return new AccessCodes(() -> parameters.get(Env.required("ACCESS_CODE_KEY_SECRET")).getBytes(StandardCharsets.UTF_8));
    }

    @Provides @Singleton
    static GuestDocuments documents(S3Client s3, PlatformConfig config) {
        return new S3GuestDocuments(s3, config.photosBucket());
    }

    @Provides @Singleton
    static StaySaga saga(DomusTable table, Outbox outbox, LockGateway locks, PoliceGateway police, GuestDocuments documents, AccessCodes codes,
                         NotificationSender notifications, Clock clock) {
        return new StaySaga(table, outbox, locks, police, documents, codes, notifications, clock, Env.orDefault("CHECK_IN_URL", ""));
    }

    @Provides @Singleton
    static Stays stays(DomusTable table, AccessService access, Reservations reservations, StaySaga saga, GuestDocuments documents,
                       RateLimiter limiter, Clock clock) {
        return new Stays(table, access, reservations, saga, documents, limiter, clock);
    }
}
