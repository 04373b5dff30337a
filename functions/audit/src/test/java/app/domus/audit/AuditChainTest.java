package app.domus.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The chain without a table: its canonical form, its hash and the walk that finds where it breaks. */
class AuditChainTest {

    private static AuditEntryItem entry(long sequence, String actor, String previousHash) {
        AuditEntryItem e = new AuditEntryItem();
        e.setOrganisationId("org-1");
        e.setSequence(sequence);
        e.setOccurredAt("2026-12-01T09:00:0" + sequence + ".000Z");
        e.setRecordedAt("2026-12-01T09:00:0" + sequence + ".500Z");
        e.setActorId(actor);
        e.setAction("auth.sign_in");
        e.setTargetType("user");
        e.setTargetId(actor);
        e.setOutcome("success");
        e.setSourceIp("203.0.113.7");
        e.setEventId("event-" + sequence);
        e.setEventType("SignInSucceeded");
        e.setPreviousHash(previousHash);
        e.setHash(AuditChain.hash(e));
        return e;
    }

    private static List<AuditEntryItem> chain(int length) {
        List<AuditEntryItem> entries = new ArrayList<>();
        String previous = AuditChain.GENESIS;
        for (int i = 1; i <= length; i++) {
            AuditEntryItem e = entry(i, "user-" + i, previous);
            entries.add(e);
            previous = e.getHash();
        }
        return entries;
    }

    private static AuditHeadItem head(List<AuditEntryItem> entries) {
        AuditHeadItem head = new AuditHeadItem();
        AuditEntryItem last = entries.getLast();
        head.setSequence(last.getSequence());
        head.setHash(last.getHash());
        return head;
    }

    private static AuditChain.Verification walk(List<AuditEntryItem> entries, AuditHeadItem head) {
        AuditChain.Walk walk = new AuditChain.Walk();
        entries.forEach(walk::accept);
        return walk.finish(head);
    }

    @Test
    void theCanonicalFormIsAJsonArrayOfTheFieldsInAFixedOrderWithTheDetailsSorted() {
        AuditEntryItem e = entry(1, "user-1", AuditChain.GENESIS);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("role", "tenant");
        details.put("buildingId", "b-1");
        e.setDetails(details);
        assertThat(AuditChain.canonical(e)).isEqualTo("[\"org-1\",1,\"2026-12-01T09:00:01.000Z\",\"2026-12-01T09:00:01.500Z\","
                + "\"user-1\",\"auth.sign_in\",\"user\",\"user-1\",\"success\",\"203.0.113.7\",null,\"event-1\",\"SignInSucceeded\","
                + "{\"buildingId\":\"b-1\",\"role\":\"tenant\"},\"" + AuditChain.GENESIS + "\"]");
    }

    @Test
    void theHashIsSha256OfThePreviousHashFollowedByTheCanonicalForm() throws Exception {
        AuditEntryItem e = entry(2, "user-2", "ab".repeat(32));
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        String expected = HexFormat.of().formatHex(sha256.digest(("ab".repeat(32) + AuditChain.canonical(e)).getBytes(StandardCharsets.UTF_8)));
        assertThat(AuditChain.hash(e)).isEqualTo(expected).hasSize(64);
        AuditEntryItem other = entry(2, "user-2", "cd".repeat(32));
        assertThat(AuditChain.hash(other)).as("the previous hash is hashed").isNotEqualTo(expected);
    }

    @Test
    void anIntactChainIsValid() {
        List<AuditEntryItem> entries = chain(4);
        assertThat(walk(entries, head(entries))).isEqualTo(new AuditChain.Verification(true, 4, null));
        assertThat(walk(List.of(), null)).isEqualTo(new AuditChain.Verification(true, 0, null));
    }

    @Test
    void anEditedEntryBreaksTheChainAtItsSequence() {
        List<AuditEntryItem> entries = chain(4);
        AuditHeadItem head = head(entries);
        entries.get(1).setActorId("someone-else");
        assertThat(walk(entries, head)).isEqualTo(new AuditChain.Verification(false, 4, 2L));
    }

    @Test
    void anEditedEntryWhoseHashWasRecomputedBreaksTheChainAtTheNextEntry() {
        List<AuditEntryItem> entries = chain(4);
        AuditHeadItem head = head(entries);
        entries.get(1).setOutcome("failure");
        entries.get(1).setHash(AuditChain.hash(entries.get(1)));
        assertThat(walk(entries, head).firstBrokenSequence()).isEqualTo(3L);
    }

    @Test
    void aRemovedEntryBreaksTheChainWhereItWas() {
        List<AuditEntryItem> entries = chain(4);
        AuditHeadItem head = head(entries);
        entries.remove(2);
        assertThat(walk(entries, head)).isEqualTo(new AuditChain.Verification(false, 3, 3L));
    }

    @Test
    void reorderedEntriesBreakTheChainAtTheFirstMovedOne() {
        List<AuditEntryItem> entries = chain(4);
        AuditHeadItem head = head(entries);
        AuditEntryItem second = entries.get(1);
        entries.set(1, entries.get(2));
        entries.set(2, second);
        assertThat(walk(entries, head).firstBrokenSequence()).isEqualTo(2L);

        // Even with the sequences swapped back, the entries no longer name their predecessors' hashes.
        List<AuditEntryItem> renumbered = chain(4);
        AuditEntryItem a = renumbered.get(1);
        AuditEntryItem b = renumbered.get(2);
        a.setSequence(3L);
        b.setSequence(2L);
        renumbered.set(1, b);
        renumbered.set(2, a);
        assertThat(walk(renumbered, head(chain(4))).firstBrokenSequence()).isEqualTo(2L);
    }

    @Test
    void aTruncatedTailOrAnEntryBeyondTheHeadIsFound() {
        List<AuditEntryItem> entries = chain(4);
        AuditHeadItem head = head(entries);
        assertThat(walk(entries.subList(0, 3), head)).isEqualTo(new AuditChain.Verification(false, 3, 4L));

        List<AuditEntryItem> longer = chain(5);
        assertThat(walk(longer, head)).isEqualTo(new AuditChain.Verification(false, 5, 5L));
    }

    @Test
    void aWalkKnowsTheLastSequenceItRead() {
        // verify() reads the head again when the walk read past it (an append committed during the walk).
        AuditChain.Walk walk = new AuditChain.Walk();
        assertThat(walk.last()).isZero();
        chain(3).forEach(walk::accept);
        assertThat(walk.last()).isEqualTo(3);
    }
}
