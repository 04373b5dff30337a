package app.domus.assistant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.assistant.chat.ChatChains;
import app.domus.assistant.chat.ChatTurn;
import app.domus.assistant.chat.RetrievalAnswer;
import app.domus.assistant.intent.Classifiers;
import app.domus.assistant.knowledge.Passage;
import app.domus.assistant.knowledge.S3KnowledgeFiles;
import app.domus.shared.ai.AiProvider;
import app.domus.shared.config.Env;
import app.domus.shared.testing.TestPlatform;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.Message;

/** The providers by AI_PROVIDER: the retrieval answer locally; on AWS the Bedrock model first, the retrieval answer behind it. */
class AssistantModuleTest {
    final BedrockRuntimeClient bedrock = new BedrockRuntimeClient() {
        @Override
        public ConverseResponse converse(ConverseRequest request) {
            return ConverseResponse.builder().output(o -> o.message(Message.builder().role(ConversationRole.ASSISTANT)
                    .content(ContentBlock.fromText("From " + request.modelId() + " [1].")).build())).build();
        }

        @Override
        public String serviceName() {
            return "bedrock";
        }

        @Override
        public void close() {}
    };

    static final ChatTurn.Input QUESTION = new ChatTurn.Input("Are dogs allowed?", "question", List.of(),
            List.of(new Passage("d1", "House rules", "b1", "Dogs must be kept on a lead.", 2f)));

    static ChatChains chains(Map<String, String> variables, BedrockRuntimeClient bedrock) {
        return Env.with(variables, () -> AssistantModule.chains(new Classifiers(), () -> bedrock));
    }

    @Test
    void locallyTheRetrievalAnswerAnswersAlone() {
        ChatChains chains = chains(Map.of(), null);
        assertThat(chains.answer()).extracting(AiProvider::name, AiProvider::model)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("local", RetrievalAnswer.MODEL));
        assertThat(chains.classify()).extracting(AiProvider::model).containsExactly(Classifiers.MODEL);
        assertThat(chains.answer().getFirst().run(QUESTION).output().generated()).isFalse();
    }

    @Test
    void onAwsTheBedrockModelAnswersFirstAndTheRetrievalAnswerStandsBehindIt() {
        ChatChains chains = chains(Map.of("AI_PROVIDER", "aws", "BEDROCK_MODEL_ID", "model-x"), bedrock);
        assertThat(chains.answer()).extracting(AiProvider::name, AiProvider::model).containsExactly(
                org.assertj.core.groups.Tuple.tuple("bedrock", "model-x"), org.assertj.core.groups.Tuple.tuple("local", RetrievalAnswer.MODEL));
        ChatTurn.Output output = chains.answer().getFirst().run(QUESTION).output();
        assertThat(output.answer()).isEqualTo("From model-x [1].");
        assertThat(output.generated()).isTrue();
        assertThat(chains(Map.of("AI_PROVIDER", "aws"), bedrock).answer().getFirst().model()).isEqualTo(AssistantModule.DEFAULT_MODEL);
    }

    @Test
    void anUnknownProviderIsAConfigurationError() {
        assertThatThrownBy(() -> chains(Map.of("AI_PROVIDER", "openai"), bedrock))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not openai");
    }

    @Test
    void theKnowledgeFilesAreTheBucketsOnes() {
        S3KnowledgeFiles s3 = new S3KnowledgeFiles(null, TestPlatform.config(Map.of("PHOTOS_BUCKET", "private")));
        assertThat(AssistantModule.files(s3)).isSameAs(s3);
    }
}
