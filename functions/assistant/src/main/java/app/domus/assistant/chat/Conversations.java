package app.domus.assistant.chat;

import app.domus.shared.http.ApiException;
import app.domus.shared.ids.Ids;
import app.domus.shared.json.Json;
import app.domus.shared.persistence.DomusTable;
import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Conversations kept per person: the last turns, for a day after the last one. */
@Singleton
public class Conversations {
    public static final int KEEP_TURNS = 10;
    public static final Duration TTL = Duration.ofHours(24);

    /** One message of a conversation: who said it ({@code user} or {@code assistant}), what, and the turn's intent. */
    public record Turn(String role, String text, String intent) {}

    private final DomusTable table;
    private final Clock clock;

    @Inject
    public Conversations(DomusTable table, Clock clock) {
        this.table = table;
        this.clock = clock;
    }

    /** The caller's conversation (a new one without an id); someone else's, an unknown or an expired one: 404. */
    public ConversationItem open(String userId, String organisationId, String conversationId) {
        if (conversationId == null) {
            ConversationItem item = new ConversationItem();
            String id = Ids.newId();
            item.setPk(ConversationItem.pk(id));
            item.setSk(ConversationItem.SK);
            item.setConversationId(id);
            item.setUserId(userId);
            item.setOrganisationId(organisationId);
            item.setTurns("[]");
            item.setStartedAt(clock.instant().toString());
            return item;
        }
        return table.get(ConversationItem.class, ConversationItem.pk(conversationId), ConversationItem.SK)
                .filter(c -> userId.equals(c.getUserId()))
                .filter(c -> Instant.parse(c.getExpiresAt()).isAfter(clock.instant()))
                .orElseThrow(() -> ApiException.notFound("The conversation"));
    }

    public List<Turn> turns(ConversationItem conversation) {
        try {
            return Json.MAPPER.readValue(conversation.getTurns(), new TypeReference<List<Turn>>() {});
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Conversation " + conversation.getConversationId() + " unreadable", e);
        }
    }

    /** Adds the exchange, keeps the last turns and moves the expiry a day on. */
    public void save(ConversationItem conversation, Turn asked, Turn answered) {
        List<Turn> turns = new ArrayList<>(turns(conversation));
        turns.add(asked);
        turns.add(answered);
        if (turns.size() > KEEP_TURNS) turns = new ArrayList<>(turns.subList(turns.size() - KEEP_TURNS, turns.size()));
        Instant now = clock.instant();
        conversation.setTurns(Json.write(turns));
        conversation.setUpdatedAt(now.toString());
        conversation.setExpiresAt(now.plus(TTL).toString());
        conversation.setTtl(now.plus(TTL).getEpochSecond());
        if (conversation.getVersion() == null) table.of(ConversationItem.class).putItem(conversation);
        else table.of(ConversationItem.class).updateItem(conversation);
    }
}
