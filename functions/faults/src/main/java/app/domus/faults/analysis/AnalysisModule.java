package app.domus.faults.analysis;

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
 * Picks the AI provider from {@code AI_PROVIDER} ({@code local}, the default, or {@code aws}). Only the chosen
 * one is built: the local provider trains its classifier, the AWS one creates its clients.
 */
@Module
public final class AnalysisModule {
    /** A model answers only once it has written the whole answer: seconds, not the platform's usual fraction of one. */
    private static final ClientOverrideConfiguration MODEL_CALLS = ClientOverrideConfiguration.builder()
            .apiCallAttemptTimeout(Duration.ofSeconds(25)).apiCallTimeout(Duration.ofSeconds(45)).build();
    private static final ClientOverrideConfiguration VISION_CALLS = ClientOverrideConfiguration.builder()
            .apiCallAttemptTimeout(Duration.ofSeconds(10)).apiCallTimeout(Duration.ofSeconds(20)).build();

    private AnalysisModule() {}

    @Provides @Singleton
    static FaultAnalyser analyser(Provider<LocalFaultAnalyser> local, Provider<AwsFaultAnalyser> aws) {
        String provider = Env.orDefault("AI_PROVIDER", "local");
        return switch (provider) {
            case "local" -> local.get();
            case "aws" -> aws.get();
            default -> throw new IllegalStateException("AI_PROVIDER must be local or aws, not " + provider);
        };
    }

    @Provides @Singleton
    static BedrockRuntimeClient bedrock() {
        SdkHttpClient patient = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2)).socketTimeout(Duration.ofSeconds(25)).build();
        return BedrockRuntimeClient.builder().httpClient(patient).overrideConfiguration(MODEL_CALLS).build();
    }

    @Provides @Singleton
    static RekognitionClient rekognition(SdkHttpClient http) {
        return RekognitionClient.builder().httpClient(http).overrideConfiguration(VISION_CALLS).build();
    }
}
