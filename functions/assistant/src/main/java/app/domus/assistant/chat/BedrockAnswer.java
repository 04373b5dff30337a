package app.domus.assistant.chat;

import app.domus.assistant.knowledge.Passage;
import app.domus.shared.ai.AiFailure;
import app.domus.shared.ai.AiProvider;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;

/**
 * The answer on AWS: a Bedrock model (the Converse API) writes it from the retrieved passages alone, numbered so that
 * it cites them as [1], [2]; the conversation's last turns come before the question. Without passages the model is not
 * asked: the local answer says that the documents do not cover it.
 */
public final class BedrockAnswer {
    static final String SYSTEM = "You are the assistant of a residential building. Answer the resident's question only from the "
            + "numbered passages of the building's documents given with it, citing each passage you use as [n]. If the passages "
            + "do not answer it, say so and suggest asking the building's manager. Be brief.";

    private final BedrockRuntimeClient bedrock;
    private final String model;

    public BedrockAnswer(BedrockRuntimeClient bedrock, String model) {
        this.bedrock = bedrock;
        this.model = model;
    }

    public AiProvider.Answer<ChatTurn.Output> answer(ChatTurn.Input input) {
        if (input.passages().isEmpty()) return AiProvider.Answer.free(RetrievalAnswer.answer(input));
        List<Message> messages = new ArrayList<>();
        for (Conversations.Turn t : input.history()) {
            ConversationRole role = "assistant".equals(t.role()) ? ConversationRole.ASSISTANT : ConversationRole.USER;
            if (messages.isEmpty() && role == ConversationRole.ASSISTANT) continue; // Converse starts with the user
            messages.add(Message.builder().role(role).content(ContentBlock.fromText(t.text())).build());
        }
        StringBuilder prompt = new StringBuilder("Passages:\n");
        List<Passage> passages = input.passages();
        for (int i = 0; i < passages.size(); i++) {
            prompt.append('[').append(i + 1).append("] (").append(passages.get(i).title()).append(") ").append(passages.get(i).text()).append('\n');
        }
        prompt.append("\nQuestion: ").append(input.message());
        messages.add(Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText(prompt.toString())).build());
        ConverseResponse response = bedrock.converse(b -> b.modelId(model).messages(messages)
                .system(SystemContentBlock.fromText(SYSTEM)).inferenceConfig(c -> c.maxTokens(500).temperature(0.2f)));
        String text = response.output().message().content().stream().map(ContentBlock::text)
                .filter(java.util.Objects::nonNull).reduce("", String::concat).strip();
        if (text.isEmpty()) throw new AiFailure(AiFailure.Category.UNAVAILABLE, "The model answered nothing");
        int in = response.usage() == null ? 0 : response.usage().inputTokens();
        int out = response.usage() == null ? 0 : response.usage().outputTokens();
        return new AiProvider.Answer<>(new ChatTurn.Output(text, RetrievalAnswer.sources(passages), true), in, out, 0);
    }
}
