package app.domus.assistant.chat;

import app.domus.shared.ai.AiProvider;
import java.util.List;

/**
 * The providers of a chat turn's two gateway runs, in the order the gateway tries them: the classification (the local
 * naive Bayes models, on AWS too: they answer in a millisecond) and the answer (on AWS the Bedrock model, then the
 * local retrieval answer; locally the retrieval answer alone).
 */
public record ChatChains(List<AiProvider<Classification.Input, Classification>> classify,
                         List<AiProvider<ChatTurn.Input, ChatTurn.Output>> answer) {
    public ChatChains {
        classify = List.copyOf(classify);
        answer = List.copyOf(answer);
    }
}
