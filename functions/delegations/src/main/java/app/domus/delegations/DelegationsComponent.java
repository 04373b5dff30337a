package app.domus.delegations;

import app.domus.shared.access.AccessService;
import app.domus.shared.aws.AwsModule;
import app.domus.shared.idempotency.IdempotencyStore;
import dagger.Component;
import jakarta.inject.Singleton;

/** Wiring of the delegation functions, built once per cold start by each handler's public constructor. */
@Singleton
@Component(modules = AwsModule.class)
public interface DelegationsComponent {
    AccessService access();

    DelegationService delegations();

    DelegationNotices notices();

    IdempotencyStore idempotency();

    /** The one way to build the wiring: once per cold start, in a handler's public constructor. */
    static DelegationsComponent create() {
        return DaggerDelegationsComponent.create();
    }
}
