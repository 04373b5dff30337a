package app.domus.privacy.export;

import app.domus.privacy.RawItems;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Everything the table holds about one person, found by the key patterns of {@code shared/TABLE_DESIGN.md}, as one list
 * of plain items per kind of data (GDPR Art. 15 and 20: the data themselves, in a structured, machine-readable format).
 *
 * <p>What is left out, and why: the table's own keys and bookkeeping ({@code pk}, {@code sk}, the index keys,
 * {@code version}, {@code ttl}) and every secret or its hash (password, MFA secret, token hashes, push endpoints,
 * encrypted OAuth tokens): they are not information about the person but what would let someone act as them. Data of
 * others is left out where it is not the person's own: of a conversation only the messages they wrote, of a vote only the
 * ballots they cast, of a unit's payments only those they made; reservations of a unit they own are their guests' data.
 */
@Singleton
public class PersonalData {
    /** Attribute names that hold secrets or table bookkeeping, never exported. */
    static final Pattern WITHHELD = Pattern.compile(
            "(?i)^(pk|sk|gsi[12](pk|sk)|version|ttl)$|.*(hash|secret|token|ciphertext|verifier|nonce|endpointarn|password).*");

    private final RawItems raw;

    @Inject
    public PersonalData(RawItems raw) {
        this.raw = raw;
    }

    /** The organisations the person is a member of (see {@link RawItems#organisationsOf}). */
    public List<String> organisationsOf(String userId) {
        return raw.organisationsOf("USER#" + userId);
    }

    /** Kind of data (the file's name without {@code .json}) → its items, in a fixed order; empty kinds are kept. */
    public Map<String, List<Map<String, Object>>> of(String userId) {
        Map<String, List<Map<String, AttributeValue>>> found = new LinkedHashMap<>();
        for (String kind : List.of("profile", "memberships", "sessions", "sign-in-identities", "notification-preferences",
                "devices", "notifications", "ownerships", "delegations-given", "delegations-received", "faults-reported",
                "faults-assigned", "conversations", "messages", "ballots", "invoices", "payments", "unit-accounts",
                "inquiries", "saved-searches", "calendar", "calendar-connections", "realtor", "exports", "other")) {
            found.put(kind, new ArrayList<>());
        }
        String user = "USER#" + userId;
        for (var item : raw.partition(user, null)) {
            String sk = RawItems.text(item, "sk");
            found.get(userPartitionKind(sk)).add(item);
        }
        found.get("ownerships").addAll(raw.index("gsi1", user + "#OWNS", null));
        found.get("delegations-given").addAll(raw.index("gsi2", user + "#GIVEN", null));
        found.get("delegations-received").addAll(raw.index("gsi1", user + "#RECEIVED", null));
        found.get("faults-assigned").addAll(raw.index("gsi2", user + "#FAULTS", null));
        List<Map<String, AttributeValue>> participations = raw.index("gsi1", user + "#CONVERSATIONS", null);
        found.get("conversations").addAll(participations);
        for (var participation : participations) {
            String conversationId = RawItems.text(participation, "pk").substring("CONVERSATION#".length());
            raw.partition("CONVERSATION#" + conversationId, "MESSAGE#").stream()
                    .filter(m -> userId.equals(RawItems.text(m, "senderId"))).forEach(found.get("messages")::add);
            // A fault's conversation has the fault's id, and its reporter takes part in it: the faults they reported.
            raw.get("FAULT#" + conversationId, "FAULT").filter(f -> userId.equals(RawItems.text(f, "reportedBy")))
                    .ifPresent(found.get("faults-reported")::add);
        }

        Set<String> units = new LinkedHashSet<>();
        Set<String> buildings = new LinkedHashSet<>();
        for (var ownership : found.get("ownerships")) {
            addIfPresent(units, RawItems.text(ownership, "unitId"));
            addIfPresent(buildings, RawItems.text(ownership, "buildingId"));
        }
        for (var membership : found.get("memberships")) addIfPresent(buildings, RawItems.text(membership, "buildingId"));
        for (var delegation : found.get("delegations-received")) addIfPresent(buildings, RawItems.text(delegation, "buildingId"));
        for (String buildingId : buildings) {
            for (var vote : raw.index("gsi1", "BUILDING#" + buildingId + "#VOTES", null)) {
                raw.partition(RawItems.text(vote, "pk"), "BALLOT#").stream()
                        .filter(b -> userId.equals(RawItems.text(b, "castBy"))).forEach(found.get("ballots")::add);
            }
        }
        for (String unitId : units) {
            for (var invoice : raw.index("gsi1", "UNIT#" + unitId + "#INVOICES", null)) {
                found.get("invoices").add(invoice);
                raw.index("gsi1", RawItems.text(invoice, "pk") + "#PAYMENTS", null).stream()
                        .filter(p -> userId.equals(RawItems.text(p, "createdBy"))).forEach(found.get("payments")::add);
            }
            found.get("unit-accounts").addAll(raw.partition("LEDGER#" + unitId, null));
        }
        found.get("inquiries").addAll(raw.index("gsi2", user + "#INQUIRIES", null));
        found.get("saved-searches").addAll(raw.index("gsi2", user + "#SAVEDSEARCHES", null));
        found.get("calendar").addAll(raw.partition("CALENDAR#" + userId, null));
        found.get("calendar-connections").addAll(raw.index("gsi1", "CALENDAR_USER#" + userId, null));
        raw.get("REALTOR#" + userId, "REALTOR").ifPresent(found.get("realtor")::add);
        found.get("exports").addAll(raw.index("gsi1", ExportJobItem.byUser(userId), null));

        Map<String, List<Map<String, Object>>> shown = new LinkedHashMap<>();
        found.forEach((kind, items) -> shown.put(kind, items.stream().map(PersonalData::shown).toList()));
        return shown;
    }

    static String userPartitionKind(String sk) {
        if (sk == null) return "other";
        if (sk.equals("PROFILE")) return "profile";
        if (sk.startsWith("MEMBER#")) return "memberships";
        if (sk.startsWith("SESSION#")) return "sessions";
        if (sk.startsWith("IDENTITY#")) return "sign-in-identities";
        if (sk.equals("PREFERENCES")) return "notification-preferences";
        if (sk.startsWith("DEVICE#")) return "devices";
        if (sk.startsWith("NOTIFICATION") || sk.equals("NOTIFICATIONS")) return "notifications";
        return "other";
    }

    /** An item as exported: plain values, its secrets and the table's bookkeeping left out. */
    static Map<String, Object> shown(Map<String, AttributeValue> item) {
        Map<String, Object> plain = new LinkedHashMap<>(RawItems.plain(item));
        plain.keySet().removeIf(name -> WITHHELD.matcher(name.toLowerCase(Locale.ROOT)).matches());
        return plain;
    }

    private static void addIfPresent(Set<String> set, String value) {
        if (value != null && !value.isBlank()) set.add(value);
    }
}
