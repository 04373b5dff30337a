package app.domus.maintenance;

import app.domus.maintenance.equipment.Equipment;
import app.domus.maintenance.equipment.Signals;
import app.domus.maintenance.predict.ModelStore;
import app.domus.maintenance.predict.PredictionRequests;
import app.domus.maintenance.predict.Predictions;
import app.domus.maintenance.predict.S3ModelStore;
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
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The equipment and its projection of other contexts' events; the prediction queue at {@code PREDICTION_QUEUE_URL};
 * the risk model's files in the bucket {@code MODELS_BUCKET} (an S3 client built on first use: only the prediction
 * function reads models).
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
    static ModelStore models(dagger.Lazy<S3Client> s3) {
        String bucket = Env.optional("MODELS_BUCKET").orElse("");
        return new ModelStore() {
            private volatile S3ModelStore store;

            @Override
            public app.domus.maintenance.model.RiskModel current() {
                if (store == null) store = new S3ModelStore(s3.get(), bucket);
                return store.current();
            }
        };
    }

    @Provides @Singleton
    static Predictions predictions(DomusTable table, Equipment equipment, Signals signals, AccessService access, AiGateway gateway,
                                   ModelStore models, Outbox outbox, NotificationSender notifications, Clock clock) {
        return new Predictions(table, equipment, signals, access, gateway, models, outbox, notifications, clock);
    }
}
