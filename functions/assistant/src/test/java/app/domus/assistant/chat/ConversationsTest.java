package app.domus.assistant.chat;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.assistant.AssistantFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A conversation keeps its last ten messages, for a day after the last one. */
class ConversationsTest {
    final AssistantFixture w = new AssistantFixture();
    final Conversations conversations = w.conversations;

    @Test
    void aNewConversationStartsNowAndIsStoredWhenFirstSaved() {
        ConversationItem item = conversations.open(w.tom, w.org, null);
        assertThat(item.getStartedAt()).isEqualTo(w.clock.instant().toString());
        assertThat(item.getUserId()).isEqualTo(w.tom);
        assertThat(item.getOrganisationId()).isEqualTo(w.org);
        assertThat(conversations.turns(item)).isEmpty();

        w.clock.advance(Duration.ofMinutes(3));
        conversations.save(item, new Conversations.Turn("user", "Hello", "small_talk"), new Conversations.Turn("assistant", "Hi", "small_talk"));
        ConversationItem stored = conversations.open(w.tom, null, item.getConversationId());
        Instant now = w.clock.instant();
        assertThat(stored.getStartedAt()).isEqualTo(now.minus(Duration.ofMinutes(3)).toString());
        assertThat(stored.getUpdatedAt()).isEqualTo(now.toString());
        assertThat(stored.getExpiresAt()).isEqualTo(now.plus(Conversations.TTL).toString());
        assertThat(stored.getTtl()).isEqualTo(now.plus(Duration.ofHours(24)).getEpochSecond());
        assertThat(conversations.turns(stored)).containsExactly(
                new Conversations.Turn("user", "Hello", "small_talk"), new Conversations.Turn("assistant", "Hi", "small_talk"));
    }

    @Test
    void aConversationKeepsItsLastTenMessagesAndEachTurnMovesItsExpiry() {
        ConversationItem item = conversations.open(w.tom, w.org, null);
        String id = item.getConversationId();
        for (int i = 1; i <= 6; i++) {
            ConversationItem current = i == 1 ? item : conversations.open(w.tom, null, id);
            conversations.save(current, new Conversations.Turn("user", "q" + i, "question"), new Conversations.Turn("assistant", "a" + i, "question"));
            w.clock.advance(Duration.ofHours(20));
        }
        // six exchanges over 100 hours: each moved the expiry a day on, and the first exchange is gone
        List<Conversations.Turn> turns = conversations.turns(conversations.open(w.tom, null, id));
        assertThat(turns).hasSize(Conversations.KEEP_TURNS).extracting(Conversations.Turn::text)
                .containsExactly("q2", "a2", "q3", "a3", "q4", "a4", "q5", "a5", "q6", "a6");
    }
}
