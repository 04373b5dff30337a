package app.domus.faults.analysis;

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

    static final String LOCAL_MODEL = "opennlp-naive-bayes";

    /**
     * The providers the AI gateway tries for fault triage: with {@code AI_PROVIDER=aws} the Bedrock model
     * ({@code BEDROCK_MODEL_ID}), a second one where {@code BEDROCK_FALLBACK_MODEL_ID} names it, then the local
     * classifier; with {@code local} (the default) the classifier alone.
     */
    @Provides @Singleton
    static TriageChain chain(Provider<LocalFaultAnalyser> local, Provider<BedrockRuntimeClient> bedrock, Provider<RekognitionClient> rekognition,
                             PlatformConfig config) {
        String provider = Env.orDefault("AI_PROVIDER", "local");
        return switch (provider) {
            case "local" -> new TriageChain(List.of(TriageChain.provider("local", LOCAL_MODEL, local::get)));
            case "aws" -> {
                List<AiProvider<TriageInput, Analysis>> chain = new ArrayList<>();
                String primary = Env.orDefault("BEDROCK_MODEL_ID", AwsFaultAnalyser.DEFAULT_MODEL);
                chain.add(TriageChain.metered("bedrock", primary,
                        () -> new AwsFaultAnalyser(bedrock.get(), rekognition.get(), primary, config.photosBucket())));
                Env.optional("BEDROCK_FALLBACK_MODEL_ID").filter(m -> !m.isBlank() && !m.equals(primary)).ifPresent(second ->
                        chain.add(TriageChain.metered("bedrock", second,
                                () -> new AwsFaultAnalyser(bedrock.get(), rekognition.get(), second, config.photosBucket()))));
                chain.add(TriageChain.provider("local", LOCAL_MODEL, local::get));
                yield new TriageChain(chain);
            }
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
