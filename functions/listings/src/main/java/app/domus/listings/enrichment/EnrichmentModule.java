package app.domus.listings.enrichment;

import app.domus.shared.config.Env;
import dagger.Module;
import dagger.Provides;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.time.Duration;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.rekognition.RekognitionClient;

/**
 * Picks the enrichment provider from {@code AI_PROVIDER} ({@code local}, the default, or {@code aws}); only the chosen
 * one is built (the local one trains its model, the AWS one creates its clients).
 */
@Module
public final class EnrichmentModule {
    private EnrichmentModule() {}

    @Provides @Singleton
    static ListingEnricher enricher(Provider<LocalListingEnricher> local, Provider<AwsListingEnricher> aws) {
        String provider = Env.orDefault("AI_PROVIDER", "local");
        return switch (provider) {
            case "local" -> local.get();
            case "aws" -> aws.get();
            default -> throw new IllegalStateException("AI_PROVIDER must be local or aws, not " + provider);
        };
    }

    @Provides @Singleton
    static BedrockRuntimeClient bedrock() {
        // A model answers only once it has written its whole answer: seconds, not the platform's usual fraction of one.
        SdkHttpClient patient = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2)).socketTimeout(Duration.ofSeconds(25)).build();
        return BedrockRuntimeClient.builder().httpClient(patient).overrideConfiguration(ClientOverrideConfiguration.builder()
                .apiCallAttemptTimeout(Duration.ofSeconds(25)).apiCallTimeout(Duration.ofSeconds(45)).build()).build();
    }

    @Provides @Singleton
    static RekognitionClient rekognition(SdkHttpClient http) {
        return RekognitionClient.builder().httpClient(http).overrideConfiguration(ClientOverrideConfiguration.builder()
                .apiCallAttemptTimeout(Duration.ofSeconds(10)).apiCallTimeout(Duration.ofSeconds(20)).build()).build();
    }
}
