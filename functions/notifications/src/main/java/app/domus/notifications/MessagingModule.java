package app.domus.notifications;

import dagger.Module;
import dagger.Provides;
import jakarta.inject.Singleton;
import java.time.Duration;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The SES client, built like the platform's other clients (the shared URL connection HTTP client, the SDK's
 * standard region, credential and endpoint providers) and with the same per-call deadlines.
 */
@Module
public final class MessagingModule {
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(8);

    private MessagingModule() {}

    @Provides @Singleton
    static SesV2Client ses(SdkHttpClient http) {
        return SesV2Client.builder().httpClient(http)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallAttemptTimeout(ATTEMPT_TIMEOUT).apiCallTimeout(CALL_TIMEOUT).build())
                .build();
    }
}
