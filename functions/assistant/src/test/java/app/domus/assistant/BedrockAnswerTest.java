package app.domus.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.assistant.chat.BedrockAnswer;
import app.domus.assistant.chat.ChatTurn;
import app.domus.assistant.chat.Conversations;
import app.domus.assistant.knowledge.Passage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.Message;

/** The Bedrock answer: the model gets the numbered passages and the conversation; its answer comes back with the sources. */
class BedrockAnswerTest {
    final List<ConverseRequest> sent = new ArrayList<>();
    final BedrockRuntimeClient bedrock = new BedrockRuntimeClient() {
        @Override
        public ConverseResponse converse(ConverseRequest request) {
            sent.add(request);
            return ConverseResponse.builder()
                    .output(o -> o.message(Message.builder().role(ConversationRole.ASSISTANT).content(ContentBlock.fromText("Dogs need a lead [1].")).build()))
                    .usage(u -> u.inputTokens(120).outputTokens(8).totalTokens(128)).build();
        }

        @Override
        public String serviceName() {
            return "bedrock";
        }

        @Override
        public void close() {}
    };

    @Test
    void theModelAnswersFromTheNumberedPassagesAndTheSourcesAreCited() {
        var input = new ChatTurn.Input("Are dogs allowed?", "question",
                List.of(new Conversations.Turn("assistant", "Hello!", "small_talk"), new Conversations.Turn("user", "Hi", "small_talk"),
                        new Conversations.Turn("assistant", "Hello again", "small_talk")),
                List.of(new Passage("d1", "House rules", "b1", "Dogs must be kept on a lead.", 2.5f)));
        var answer = new BedrockAnswer(bedrock, "model-x").answer(input);
        assertThat(answer.output().answer()).isEqualTo("Dogs need a lead [1].");
        assertThat(answer.output().generated()).isTrue();
        assertThat(answer.output().sources()).extracting(ChatTurn.Source::title).containsExactly("House rules");
        assertThat(answer.inputTokens()).isEqualTo(120);
        assertThat(answer.outputTokens()).isEqualTo(8);
        ConverseRequest request = sent.getFirst();
        assertThat(request.modelId()).isEqualTo("model-x");
        // the conversation starts with the resident (a leading assistant turn is dropped), the question last with its passages
        assertThat(request.messages()).extracting(Message::role)
                .containsExactly(ConversationRole.USER, ConversationRole.ASSISTANT, ConversationRole.USER);
        assertThat(request.messages().getLast().content().getFirst().text())
                .contains("[1] (House rules) Dogs must be kept on a lead.").endsWith("Question: Are dogs allowed?");
    }

    @Test
    void anAnswerWithoutUsageCountsNoTokens() {
        BedrockRuntimeClient noUsage = new BedrockRuntimeClient() {
            @Override
            public ConverseResponse converse(ConverseRequest request) {
                return ConverseResponse.builder().output(o -> o.message(Message.builder().role(ConversationRole.ASSISTANT)
                        .content(ContentBlock.fromText("A lead [1].")).build())).build();
            }

            @Override
            public String serviceName() {
                return "bedrock";
            }

            @Override
            public void close() {}
        };
        var answer = new BedrockAnswer(noUsage, "model-x").answer(new ChatTurn.Input("Are dogs allowed?", "question", List.of(),
                List.of(new Passage("d1", "House rules", "b1", "Dogs must be kept on a lead.", 2.5f))));
        assertThat(answer.output().answer()).isEqualTo("A lead [1].");
        assertThat(answer.inputTokens()).isZero();
        assertThat(answer.outputTokens()).isZero();
    }

    @Test
    void withoutPassagesTheModelIsNotAsked() {
        var answer = new BedrockAnswer(bedrock, "model-x").answer(new ChatTurn.Input("What is the wifi password?", "question", List.of(), List.of()));
        assertThat(sent).isEmpty();
        assertThat(answer.output().answer()).contains("could not find");
        assertThat(answer.output().generated()).isFalse();
    }
}
