package app.domus.audit;

import app.domus.shared.json.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hash chain of an organisation's audit log. An entry's canonical form is a JSON array of its fields in a fixed
 * order (absent fields as null, {@code details} as an object with its keys sorted), and its hash is
 * {@code SHA-256(previousHash || canonical form)}, lower-case hex; the first entry's previous hash is {@link #GENESIS}.
 * The sequence and the previous hash are part of what is hashed, so an edited, removed, inserted or reordered entry
 * breaks the chain at that place.
 */
public final class AuditChain {
    /** The previous hash of an organisation's first entry. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {}

    public static String canonical(AuditEntryItem e) {
        ArrayNode fields = Json.MAPPER.createArrayNode();
        fields.add(e.getOrganisationId());
        if (e.getSequence() == null) fields.addNull(); else fields.add(e.getSequence());
        fields.add(e.getOccurredAt());
        fields.add(e.getRecordedAt());
        fields.add(e.getActorId());
        fields.add(e.getAction());
        fields.add(e.getTargetType());
        fields.add(e.getTargetId());
        fields.add(e.getOutcome());
        fields.add(e.getSourceIp());
        fields.add(e.getUserAgent());
        fields.add(e.getEventId());
        fields.add(e.getEventType());
        ObjectNode details = fields.addObject();
        new TreeMap<>(e.getDetails() == null ? Map.<String, String>of() : e.getDetails()).forEach(details::put);
        fields.add(e.getPreviousHash());
        return Json.write(fields);
    }

    public static String hash(AuditEntryItem e) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(String.valueOf(e.getPreviousHash()).getBytes(StandardCharsets.UTF_8));
            sha256.update(canonical(e).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** What a walk of the chain found: whether it holds, how many entries it read, and where it first breaks. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
    public record Verification(boolean valid, long entries, Long firstBrokenSequence) {}

    /**
     * Walks a chain entry by entry, in ascending sort key order: each entry must carry the next sequence, the hash
     * of the entry before it and its own hash; at the end the head must name the last entry and its hash.
     */
    public static final class Walk {
        private long expected = 1;
        private String previous = GENESIS;
        private long read;
        private Long broken;

        public void accept(AuditEntryItem e) {
            read++;
            if (broken != null) return;
            if (e.getSequence() == null || e.getSequence() != expected) {
                broken = expected;
            } else if (!previous.equals(e.getPreviousHash()) || !hash(e).equals(e.getHash())) {
                broken = expected;
            }
            previous = e.getHash() == null ? "" : e.getHash();
            expected++;
        }

        /** The last sequence read. */
        public long last() {
            return expected - 1;
        }

        /** @param head the chain's head, null when the chain has none */
        public Verification finish(AuditHeadItem head) {
            long last = expected - 1;
            if (broken == null) {
                long headSequence = head == null || head.getSequence() == null ? 0 : head.getSequence();
                String headHash = head == null ? GENESIS : String.valueOf(head.getHash());
                if (headSequence > last) broken = last + 1;            // entries at the end are missing
                else if (headSequence < last) broken = headSequence + 1; // entries beyond the head were added
                else if (!headHash.equals(previous)) broken = last;       // the last entry is not the one the head names
            }
            return new Verification(broken == null, read, broken);
        }
    }
}
