package app.domus.shared.aws;

import dagger.Module;
import dagger.Provides;
import jakarta.inject.Singleton;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The SNS client, for the components of contexts that publish to SNS themselves (the outbox relay, SMS and push;
 * their pom declares {@code software.amazon.awssdk:sns}; the kernel's is optional).
 */
@Module
public final class SnsModule {
    private SnsModule() {}

    @Provides @Singleton
    static SnsClient sns(SdkHttpClient http) {
        return SnsClient.builder().httpClient(http).overrideConfiguration(AwsModule.overrides()).build();
    }
}
