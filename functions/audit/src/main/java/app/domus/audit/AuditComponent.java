package app.domus.audit;

import app.domus.shared.access.AccessService;
import app.domus.shared.aws.AwsModule;
import app.domus.shared.idempotency.IdempotencyStore;
import dagger.Component;
import jakarta.inject.Singleton;

/** Wiring of the audit log functions, built once per cold start by each handler's public constructor. */
@Singleton
@Component(modules = AwsModule.class)
public interface AuditComponent {
    AccessService access();

    AuditLog log();

    AuditTrail trail();

    IdempotencyStore idempotency();

    /** The one way to build the wiring: once per cold start, in a handler's public constructor. */
    static AuditComponent create() {
        return DaggerAuditComponent.create();
    }
}
