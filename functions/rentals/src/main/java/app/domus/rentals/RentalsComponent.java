package app.domus.rentals;

import app.domus.shared.access.AccessService;
import app.domus.shared.aws.AwsModule;
import app.domus.shared.idempotency.IdempotencyStore;
import dagger.Component;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Wiring of the rentals functions, built once per cold start by each handler's public constructor. */
@Singleton
@Component(modules = {AwsModule.class})
public interface RentalsComponent {
    AccessService access();

    IdempotencyStore idempotency();

    Clock clock();

    static RentalsComponent create() {
        return DaggerRentalsComponent.create();
    }
}
