package app.domus.assistant;

import app.domus.assistant.chat.BedrockAnswer;
import app.domus.assistant.chat.ChatChains;
import app.domus.assistant.chat.ChatTurn;
import app.domus.assistant.chat.Classification;
import app.domus.assistant.chat.RetrievalAnswer;
import app.domus.assistant.intent.Classifiers;
import app.domus.assistant.intent.Intent;
import app.domus.shared.ai.AiProvider;
import app.domus.shared.config.Env;
import dagger.Module;
import dagger.Provides;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/**
 * The assistant's providers, by {@code AI_PROVIDER} ({@code local}, the default, or {@code aws}): the answer is written
 * by the Bedrock model {@code BEDROCK_MODEL_ID} on AWS (then the retrieval answer if Bedrock fails), locally by the
 * retrieval answer alone; the classifiers are the local models everywhere.
 */
@Module
public final class AssistantModule {
    static final String DEFAULT_MODEL = "anthropic.claude-3-haiku-20240307-v1:0";

    private AssistantModule() {}

    @Provides @Singleton
    static ChatChains chains(Classifiers classifiers, Provider<BedrockRuntimeClient> bedrock) {
        AiProvider<Classification.Input, Classification> classify = AiProvider.of("local", Classifiers.MODEL, input -> {
            Intent intent = classifiers.intent(input.message());
            String category = intent == Intent.REPORT_FAULT ? classifiers.faultCategory(input.message()).name() : null;
            return AiProvider.Answer.free(new Classification(intent.name(), category));
        });
        AiProvider<ChatTurn.Input, ChatTurn.Output> retrieval =
                AiProvider.of("local", RetrievalAnswer.MODEL, input -> AiProvider.Answer.free(RetrievalAnswer.answer(input)));
        String provider = Env.orDefault("AI_PROVIDER", "local");
        List<AiProvider<ChatTurn.Input, ChatTurn.Output>> answer = new ArrayList<>();
        switch (provider) {
            case "local" -> answer.add(retrieval);
            case "aws" -> {
                String model = Env.orDefault("BEDROCK_MODEL_ID", DEFAULT_MODEL);
                answer.add(AiProvider.of("bedrock", model, input -> new BedrockAnswer(bedrock.get(), model).answer(input)));
                answer.add(retrieval);
            }
            default -> throw new IllegalStateException("AI_PROVIDER must be local or aws, not " + provider);
        }
        return new ChatChains(List.of(classify), answer);
    }

    @Provides
    static app.domus.assistant.knowledge.KnowledgeFiles files(app.domus.assistant.knowledge.S3KnowledgeFiles s3) {
        return s3;
    }

    @Provides @Singleton
    static BedrockRuntimeClient bedrock() {
        return BedrockRuntimeClient.builder()
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(2)).socketTimeout(Duration.ofSeconds(25)).build())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallAttemptTimeout(Duration.ofSeconds(25)).apiCallTimeout(Duration.ofSeconds(45)).build())
                .build();
    }
}
