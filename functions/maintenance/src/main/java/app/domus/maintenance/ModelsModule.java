package app.domus.maintenance;

import app.domus.maintenance.predict.S3ModelStore;
import app.domus.shared.config.Env;
import dagger.Module;
import dagger.Provides;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** The risk model's versioned files in the bucket {@code MODELS_BUCKET}, read by the daily job and the training command. */
@Module
public final class ModelsModule {
    private ModelsModule() {}

    @Provides @Singleton
    static S3ModelStore models(S3Client s3, S3Presigner presigner) {
        return new S3ModelStore(s3, presigner, Env.optional("MODELS_BUCKET").orElse(""));
    }
}
