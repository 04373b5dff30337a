package app.domus.privacy;

import app.domus.privacy.deletion.AccountDeletion;
import app.domus.privacy.export.Exports;
import app.domus.shared.aws.AwsModule;
import app.domus.shared.aws.S3Module;
import app.domus.shared.idempotency.IdempotencyStore;
import dagger.Component;
import jakarta.inject.Singleton;

/** Wiring of the privacy functions, built once per cold start by each handler's public constructor. */
@Singleton
@Component(modules = {AwsModule.class, S3Module.class, PrivacyModule.class})
public interface PrivacyComponent {
    Exports exports();

    AccountDeletion deletion();

    IdempotencyStore idempotency();

    static PrivacyComponent create() {
        return DaggerPrivacyComponent.create();
    }
}
