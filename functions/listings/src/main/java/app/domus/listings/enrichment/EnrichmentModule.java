package app.domus.listings.enrichment;

import app.domus.shared.ai.AiGateway;
import app.domus.shared.ai.AiProvider;
import app.domus.shared.aws.PlatformConfig;
import app.domus.shared.config.Env;
import java.util.ArrayList;
import java.util.List;
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

    static final String LOCAL_MODEL = "opennlp-naive-bayes";

    /**
     * Tagging through the AI gateway. With {@code AI_PROVIDER=aws}: the Bedrock model ({@code BEDROCK_MODEL_ID}) with
     * Rekognition, a second model where {@code BEDROCK_FALLBACK_MODEL_ID} names one, then the local model; with
     * {@code local} (the default) the local model alone. Each provider is built on its first run.
     */
    @Provides @Singleton
    static ListingEnricher enricher(Provider<LocalListingEnricher> local, Provider<BedrockRuntimeClient> bedrock,
                                    Provider<RekognitionClient> rekognition, PlatformConfig config, AiGateway gateway) {
        String provider = Env.orDefault("AI_PROVIDER", "local");
        List<AiProvider<GatewayListingEnricher.Input, GatewayListingEnricher.Tagging>> chain = new ArrayList<>();
        switch (provider) {
            case "local" -> { }
            case "aws" -> {
                String primary = Env.orDefault("BEDROCK_MODEL_ID", AwsListingEnricher.DEFAULT_MODEL);
                chain.add(GatewayListingEnricher.provider("bedrock", primary,
                        () -> new AwsListingEnricher(bedrock.get(), rekognition.get(), primary, config.photosBucket())));
                Env.optional("BEDROCK_FALLBACK_MODEL_ID").filter(m -> !m.isBlank() && !m.equals(primary)).ifPresent(second ->
                        chain.add(GatewayListingEnricher.provider("bedrock", second,
                                () -> new AwsListingEnricher(bedrock.get(), rekognition.get(), second, config.photosBucket()))));
            }
            default -> throw new IllegalStateException("AI_PROVIDER must be local or aws, not " + provider);
        }
        chain.add(GatewayListingEnricher.provider("local", LOCAL_MODEL, local::get));
        return new GatewayListingEnricher(gateway, chain);
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
