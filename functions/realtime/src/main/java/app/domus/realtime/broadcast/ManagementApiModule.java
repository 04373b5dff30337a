package app.domus.realtime.broadcast;

import app.domus.shared.config.Env;
import dagger.Module;
import dagger.Provides;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;

/**
 * The client of the WebSocket API's {@code @connections} endpoint, {@code WEBSOCKET_MANAGEMENT_ENDPOINT}
 * ({@code https://<api>.execute-api.<region>.amazonaws.com/<stage>}), for the functions that broadcast.
 */
@Module
public final class ManagementApiModule {
    private ManagementApiModule() {}

    @Provides @Singleton
    static ApiGatewayManagementApiClient managementApi(SdkHttpClient http) {
        return ApiGatewayManagementApiClient.builder()
                .httpClient(http)
                .endpointOverride(URI.create(Env.required("WEBSOCKET_MANAGEMENT_ENDPOINT")))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallAttemptTimeout(Duration.ofSeconds(3))
                        .apiCallTimeout(Duration.ofSeconds(8))
                        .build())
                .build();
    }
}
