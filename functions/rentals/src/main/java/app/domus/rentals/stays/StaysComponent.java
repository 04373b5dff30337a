package app.domus.rentals.stays;

import app.domus.shared.aws.AwsModule;
import app.domus.shared.aws.S3Module;
import app.domus.shared.idempotency.IdempotencyStore;
import dagger.Component;
import jakarta.inject.Singleton;

/**
 * Wiring of the stay functions (the saga, check-in and check-out, set-up and guest registration), built once per cold
 * start. They have a zip of their own ({@code rentals-stays-lambda.zip}): with S3, without the channels' iCal library.
 */
@Singleton
@Component(modules = {AwsModule.class, S3Module.class, StaysModule.class})
public interface StaysComponent {
    IdempotencyStore idempotency();

    app.domus.shared.access.AccessService access();

    app.domus.shared.notify.NotificationSender notifications();

    StaySaga saga();

    Stays stays();

    static StaysComponent create() {
        return DaggerStaysComponent.create();
    }
}
