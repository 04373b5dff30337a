package app.domus.platform;

import app.domus.shared.aws.AwsModule;
import dagger.Component;
import jakarta.inject.Singleton;

/** Wiring of the platform functions, built once per cold start. */
@Singleton
@Component(modules = AwsModule.class)
public interface PlatformComponent {
    ReadinessCheck readiness();
}
