package app.domus.assistant.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.lucene.store.AlreadyClosedException;
import org.junit.jupiter.api.Test;

/** A building's index: how documents are cut into passages, and what a search of it answers. */
class KnowledgeIndexTest {
    static final int FULL = KnowledgeIndex.PASSAGE_CHARS;

    /** A sentence of exactly this many characters, ending with a full stop. */
    static String sentence(char letter, int length) {
        return String.valueOf(letter).repeat(length - 1) + ".";
    }

    @Test
    void shortParagraphsAreJoinedIntoOnePassageWhileTheyFit() {
        String a = sentence('a', 349);
        String b = sentence('b', 350); // with the line break between them: exactly a passage
        assertThat(KnowledgeIndex.passages(a + "\n\n" + b)).containsExactly(a + "\n" + b);
    }

    @Test
    void aParagraphThatWouldOverflowThePassageStartsTheNextOne() {
        String a = sentence('a', 350);
        String b = sentence('b', 350); // one character too many with the line break
        assertThat(KnowledgeIndex.passages(a + "\n\n" + b)).containsExactly(a, b);

        String c = sentence('c', 300);
        String d = sentence('d', 300);
        String e = sentence('e', 300);
        assertThat(KnowledgeIndex.passages(c + "\n\n" + d + "\n\n" + e)).containsExactly(c + "\n" + d, e);
    }

    @Test
    void aParagraphOfAWholePassageIsAPassageOfItsOwn() {
        String whole = sentence('a', FULL);
        assertThat(KnowledgeIndex.passages(whole + "\n\nShort note.")).containsExactly(whole, "Short note.");
    }

    @Test
    void aLongerParagraphIsCutAtItsSentenceEnds() {
        String s1 = sentence('a', 350);
        String s2 = sentence('b', 349); // s1 and s2 with their space: exactly a passage
        String s3 = sentence('c', 10);
        List<String> passages = KnowledgeIndex.passages(s1 + " " + s2 + "  \n " + s3);
        assertThat(passages).containsExactly(s1 + " " + s2, s3);
        assertThat(passages).allMatch(p -> p.length() <= FULL);
    }

    @Test
    void aSentenceLongerThanAPassageStaysWholeAndTheTextAroundItIsKept() {
        String longSentence = sentence('a', 800);
        String next = sentence('b', 20);
        assertThat(KnowledgeIndex.passages("Short note.\n\n" + longSentence + " " + next))
                .containsExactly("Short note.", longSentence, next);
    }

    @Test
    void whitespaceAloneGivesNoPassage() {
        assertThat(KnowledgeIndex.passages("  \r\n\r\n \n\t\n")).isEmpty();
    }

    @Test
    void aSearchIsFilteredOnTheOrganisationAndTheBuilding() throws Exception {
        byte[] zipped = KnowledgeIndex.build("org-1", "b-1",
                List.of(new KnowledgeIndex.Source("d1", "House rules", "The sauna opens at six in the morning.")));
        try (KnowledgeIndex index = KnowledgeIndex.open(zipped)) {
            assertThat(index.search("org-1", "b-1", "When does the sauna open?", 3)).singleElement().satisfies(p -> {
                assertThat(p.documentId()).isEqualTo("d1");
                assertThat(p.title()).isEqualTo("House rules");
                assertThat(p.buildingId()).isEqualTo("b-1");
                assertThat(p.text()).isEqualTo("The sauna opens at six in the morning.");
                assertThat(p.score()).isPositive();
            });
            assertThat(index.search("org-1", "b-2", "When does the sauna open?", 3)).as("another building").isEmpty();
            assertThat(index.search("org-2", "b-1", "When does the sauna open?", 3)).as("another organisation").isEmpty();
            assertThat(index.search("org-1", "b-1", "the and of it", 3)).as("stop words only").isEmpty();
        }
    }

    @Test
    void theBestPassagesComeFirstAndNoMoreThanAsked() throws Exception {
        byte[] zipped = KnowledgeIndex.build("org-1", "b-1", List.of(
                new KnowledgeIndex.Source("d1", "Garden", "Dogs must be kept on a lead in the garden. " + "x".repeat(600) + "."),
                new KnowledgeIndex.Source("d2", "Dogs", "Dogs and dogs: small dogs are welcome."),
                new KnowledgeIndex.Source("d3", "Bins", "The recycling bins are in the courtyard.")));
        try (KnowledgeIndex index = KnowledgeIndex.open(zipped)) {
            List<Passage> found = index.search("org-1", "b-1", "dogs", 5);
            assertThat(found).extracting(Passage::documentId).containsExactly("d2", "d1");
            assertThat(index.search("org-1", "b-1", "dogs", 1)).extracting(Passage::documentId).containsExactly("d2");
        }
    }

    @Test
    void aQuestionOfMoreTermsThanAQueryTakesIsSearchedOnItsFirstTerms() throws Exception {
        byte[] zipped = KnowledgeIndex.build("org-1", "b-1",
                List.of(new KnowledgeIndex.Source("d1", "Pets", "Dogs must be kept on a lead.")));
        try (KnowledgeIndex index = KnowledgeIndex.open(zipped)) {
            assertThat(index.search("org-1", "b-1", "dogs ".repeat(1100), 3)).extracting(Passage::documentId).containsExactly("d1");
        }
    }

    @Test
    void aClosedIndexAnswersNoMoreSearches() throws Exception {
        KnowledgeIndex index = KnowledgeIndex.open(KnowledgeIndex.build("org-1", "b-1",
                List.of(new KnowledgeIndex.Source("d1", "Pets", "Dogs must be kept on a lead."))));
        index.close();
        assertThatThrownBy(() -> index.search("org-1", "b-1", "dogs", 3)).isInstanceOf(AlreadyClosedException.class);
    }
}
