package app.domus.shared.aws;

import app.domus.shared.observability.Tracing;
import dagger.Module;
import dagger.Provides;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * AWS clients, built once per cold start. Region, credentials and endpoints come from the SDK's standard
 * providers (so {@code AWS_ENDPOINT_URL_*} points them at LocalStack or the embedded local cloud); the
 * HTTP client is the JDK's URL connection client, which starts fastest in Lambda. Every call has a
 * deadline: a slow dependency fails this invocation rather than holding it to the function's timeout.
 */
@Module
public final class AwsModule {
    // S3 and SNS clients come from S3Module and SnsModule, which only the contexts that use them include (with the
    // SDK module in their pom): a context's zip carries the SDK services it calls and no others.
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(8);

    @Provides @Singleton
    static PlatformConfig config() {
        return new PlatformConfig();
    }

    @Provides @Singleton
    static Clock clock() {
        return Clock.systemUTC();
    }

    @Provides @Singleton
    static SdkHttpClient httpClient() {
        // Every client of a function is built with this HTTP client, so this runs before any SDK call is traced.
        Tracing.ignoreMissingContextByDefault();
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(5))
                .build();
    }

    public static ClientOverrideConfiguration overrides() {
        return ClientOverrideConfiguration.builder()
                .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                .apiCallTimeout(CALL_TIMEOUT)
                .build();
    }

    @Provides @Singleton
    static DynamoDbClient dynamoDb(SdkHttpClient http) {
        return DynamoDbClient.builder().httpClient(http).overrideConfiguration(overrides()).build();
    }

    @Provides @Singleton
    static DynamoDbEnhancedClient enhanced(DynamoDbClient dynamoDb) {
        return DynamoDbEnhancedClient.builder().dynamoDbClient(dynamoDb).build();
    }

    @Provides @Singleton
    static SqsClient sqs(SdkHttpClient http) {
        return SqsClient.builder().httpClient(http).overrideConfiguration(overrides()).build();
    }
}
