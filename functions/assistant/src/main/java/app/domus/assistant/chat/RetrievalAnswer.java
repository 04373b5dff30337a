package app.domus.assistant.chat;

import app.domus.assistant.knowledge.Passage;
import java.util.ArrayList;
import java.util.List;

/**
 * The local answer: no model writes it; it quotes the passages retrieved from the building's documents, each with its
 * source, and says that it is a search result. Without passages it says that the documents do not answer the question.
 */
public final class RetrievalAnswer {
    public static final String MODEL = "lucene-bm25-retrieval";
    static final int EXCERPT_CHARS = 400;

    private RetrievalAnswer() {}

    public static ChatTurn.Output answer(ChatTurn.Input input) {
        List<ChatTurn.Source> sources = sources(input.passages());
        if (sources.isEmpty()) {
            return new ChatTurn.Output("I could not find anything about this in your building's documents. "
                    + "Your building's manager can answer it, or upload a document that does.", List.of(), false);
        }
        StringBuilder text = new StringBuilder("This answer is a search of your building's documents, not written by an AI model. "
                + "The passages that best match your question:");
        for (int i = 0; i < sources.size(); i++) {
            ChatTurn.Source s = sources.get(i);
            text.append("\n\n[").append(i + 1).append("] \"").append(s.excerpt()).append("\" (source: ").append(s.title()).append(')');
        }
        return new ChatTurn.Output(text.toString(), sources, false);
    }

    static List<ChatTurn.Source> sources(List<Passage> passages) {
        List<ChatTurn.Source> sources = new ArrayList<>();
        for (Passage p : passages) {
            String excerpt = p.text().length() <= EXCERPT_CHARS ? p.text() : p.text().substring(0, EXCERPT_CHARS) + "…";
            sources.add(new ChatTurn.Source(p.documentId(), p.title(), p.buildingId(), excerpt));
        }
        return sources;
    }
}
