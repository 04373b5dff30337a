package app.domus.platform;

import app.domus.platform.outbox.OutboxRelay;
import app.domus.shared.aws.AwsModule;
import app.domus.shared.aws.S3Module;
import app.domus.shared.aws.SnsModule;
import dagger.Component;
import jakarta.inject.Singleton;

/** Wiring of the platform functions, built once per cold start. */
@Singleton
@Component(modules = {AwsModule.class, S3Module.class, SnsModule.class})
public interface PlatformComponent {
    ReadinessCheck readiness();

    OutboxRelay outboxRelay();

    /** The one way to build the wiring: once per cold start, in a handler's public constructor. */
    static PlatformComponent create() {
        return DaggerPlatformComponent.create();
    }
}
