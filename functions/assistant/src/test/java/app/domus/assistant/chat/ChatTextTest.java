package app.domus.assistant.chat;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.assistant.knowledge.Passage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chat's text rules: a follow-up read with its question, the fault form's title, the retrieval answer's quotes. */
class ChatTextTest {
    static final List<Conversations.Turn> HISTORY = List.of(
            new Conversations.Turn("user", "Where are the recycling bins?", "question"),
            new Conversations.Turn("assistant", "In the courtyard behind the garage.", "question"));

    @Test
    void aShortFollowUpIsReadWithTheResidentsLastMessage() {
        assertThat(Assistant.inContext("and glass?", HISTORY)).isEqualTo("Where are the recycling bins? and glass?");
        assertThat(Assistant.inContext("and glass bottles?", HISTORY)).isEqualTo("Where are the recycling bins? and glass bottles?");
    }

    @Test
    void aMessageOfFourWordsOrMoreStandsAlone() {
        assertThat(Assistant.inContext("where does glass go?", HISTORY)).isEqualTo("where does glass go?");
    }

    @Test
    void aShortMessageWithoutAnEarlierOneStandsAlone() {
        assertThat(Assistant.inContext("and glass?", List.of())).isEqualTo("and glass?");
        assertThat(Assistant.inContext("and glass?", List.of(HISTORY.get(1)))).isEqualTo("and glass?");
    }

    @Test
    void theFaultTitleIsTheFirstSentenceCapitalisedAndAtMost120Characters() {
        assertThat(Assistant.title("the tap drips. It started yesterday.")).isEqualTo("The tap drips.");
        assertThat(Assistant.title("gas")).isEqualTo("Gas");
        assertThat(Assistant.title("ok")).isEqualTo("Fault reported in the chat");
        String exactly = "w".repeat(120);
        assertThat(Assistant.title(exactly)).isEqualTo("W" + "w".repeat(119));
        assertThat(Assistant.title(exactly + "w")).isEqualTo("W" + "w".repeat(116) + "...").hasSize(120);
    }

    @Test
    void theRetrievalAnswerNumbersItsQuotesFromOneAndCutsLongOnes() {
        String exactly = "e".repeat(RetrievalAnswer.EXCERPT_CHARS);
        String longer = "l".repeat(RetrievalAnswer.EXCERPT_CHARS + 1);
        ChatTurn.Output output = RetrievalAnswer.answer(new ChatTurn.Input("q", "question", List.of(), List.of(
                new Passage("d1", "Rules", "b1", exactly, 2f), new Passage("d2", "Notice", "b1", longer, 1f))));
        assertThat(output.generated()).isFalse();
        assertThat(output.sources()).extracting(ChatTurn.Source::excerpt)
                .containsExactly(exactly, "l".repeat(RetrievalAnswer.EXCERPT_CHARS) + "…");
        assertThat(output.sources()).extracting(ChatTurn.Source::documentId).containsExactly("d1", "d2");
        assertThat(output.answer()).contains("\n\n[1] \"" + exactly + "\" (source: Rules)")
                .contains("\n\n[2] \"" + "l".repeat(RetrievalAnswer.EXCERPT_CHARS) + "…\" (source: Notice)")
                .doesNotContain("[0]").doesNotContain("[3]");
    }
}
