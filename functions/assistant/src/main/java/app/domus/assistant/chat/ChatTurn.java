package app.domus.assistant.chat;

import app.domus.assistant.knowledge.Passage;
import java.util.List;

/**
 * A chat turn as the AI gateway runs it: the input the providers get (what the gateway hashes for its log) and what they
 * answer. The passages are the only knowledge a provider sees: those retrieved from the caller's own buildings.
 */
public final class ChatTurn {
    private ChatTurn() {}

    public record Input(String message, String intent, List<Conversations.Turn> history, List<Passage> passages) {}

    /** A cited source: the document and the passage the answer rests on. */
    public record Source(String documentId, String title, String buildingId, String excerpt) {}

    public record Output(String answer, List<Source> sources, boolean generated) {}
}
