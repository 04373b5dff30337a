package app.domus.maintenance;

import app.domus.maintenance.equipment.Equipment;
import app.domus.maintenance.equipment.Signals;
import app.domus.maintenance.predict.PredictionRequests;
import app.domus.maintenance.predict.Predictions;
import app.domus.maintenance.predict.ModelCache;
import app.domus.shared.access.AccessService;
import app.domus.shared.ai.AiGateway;
import app.domus.shared.config.Env;
import app.domus.shared.events.Outbox;
import app.domus.shared.notify.NotificationSender;
import app.domus.shared.persistence.DomusTable;
import dagger.Module;
import dagger.Provides;
import jakarta.inject.Singleton;
import java.time.Clock;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The equipment and its projection of other contexts' events; the prediction queue at {@code PREDICTION_QUEUE_URL};
 * the prediction function's models by version ({@link ModelCache}; the S3 side is {@link ModelsModule}, outside the
 * prediction function's zip).
 */
@Module
public final class MaintenanceModule {
    private MaintenanceModule() {}

    @Provides @Singleton
    static Equipment equipment(DomusTable table, AccessService access, Clock clock) {
        return new Equipment(table, access, clock);
    }

    @Provides @Singleton
    static Signals signals(DomusTable table, Clock clock) {
        return new Signals(table, clock);
    }

    @Provides @Singleton
    static PredictionRequests requests(SqsClient sqs) {
        return new PredictionRequests(sqs, Env.optional("PREDICTION_QUEUE_URL").orElse(null));
    }

    @Provides @Singleton
    static ModelCache modelCache(SdkHttpClient http) {
        return new ModelCache(http);
    }

    @Provides @Singleton
    static Predictions predictions(DomusTable table, Equipment equipment, Signals signals, AccessService access, AiGateway gateway,
                                   Outbox outbox, NotificationSender notifications, Clock clock) {
        return new Predictions(table, equipment, signals, access, gateway, outbox, notifications, clock);
    }
}
