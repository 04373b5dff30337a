package app.domus.privacy.deletion;

import app.domus.privacy.RawItems;
import app.domus.privacy.export.ExportJobItem;
import app.domus.privacy.export.Exports;
import app.domus.shared.auth.Caller;
import app.domus.shared.directory.EmailItem;
import app.domus.shared.directory.UserItem;
import app.domus.shared.events.Outbox;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.ProblemType;
import app.domus.shared.persistence.DomusTable;
import com.password4j.Argon2Function;
import com.password4j.Password;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.DeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import app.domus.privacy.export.ExportStore;

/**
 * Deleting an account (GDPR Art. 17), after its current password (or, for an account without one, a sign-in within
 * {@link #RECENT_SIGN_IN}). One transaction removes the profile and the e-mail claim (the address is free for a new
 * registration; nobody can sign in with it, nor refresh a session, whose rotation reads the profile), puts the
 * {@link DeletedAccountItem} and {@code AccountDeleted}. Then {@link #erase} removes, by the documented key patterns,
 * what else is the person's alone, and pseudonymises the delegations they took part in. Kept, under the person's random
 * id alone, which now names nobody: ledger entries, invoices, credit notes and payments (accounting records, Art.
 * 17(3)(b)), ballots, votes' electorates, delegations and ownerships (the community's minutes and register, 17(3)(b)
 * and (e)), faults and messages (the building's records and the other people's conversations). See
 * {@code docs/privacy.md}.
 *
 * <p>Idempotent: a second request (the account is gone, its tombstone is there) erases whatever a first one left, and
 * answers the same receipt.
 */
@Singleton
public class AccountDeletion {
    static final Duration RECENT_SIGN_IN = Duration.ofMinutes(10);
    /** What the receipt lists as kept, and why (the reasons in docs/privacy.md). */
    static final List<String> KEPT = List.of(
            "ledger entries, invoices, credit notes, payments: accounting records the law requires (GDPR Art. 17(3)(b))",
            "ballots, votes, delegations, ownerships: the community of owners' minutes and register (Art. 17(3)(b), (e))",
            "faults reported and messages written: the building's maintenance records and other people's conversations");

    private final DomusTable table;
    private final RawItems raw;
    private final Outbox outbox;
    private final ExportStore store;
    private final Clock clock;

    @Inject
    public AccountDeletion(DomusTable table, RawItems raw, Outbox outbox, ExportStore store, Clock clock) {
        this.table = table;
        this.raw = raw;
        this.outbox = outbox;
        this.store = store;
        this.clock = clock;
    }

    /**
     * What was done: per kind of data, the items erased and pseudonymised; the items {@code erasing}, left to the context
     * that holds them, which erases them on {@code AccountDeleted} once it has ended the access they give at another
     * provider (push endpoints at SNS, calendar grants at Google or Microsoft); what is kept, and why.
     */
    public record Receipt(String userId, String deletedAt, Map<String, Integer> erased, Map<String, Integer> pseudonymised,
                          Map<String, Integer> erasing, List<String> kept) {}

    public Receipt delete(Caller caller, DeletionRequest request) {
        String userId = caller.userId();
        Optional<DeletedAccountItem> tombstone = table.get(DeletedAccountItem.class, DeletedAccountItem.pk(userId), DeletedAccountItem.SK);
        if (tombstone.isPresent()) return erase(userId, null, tombstone.get().getDeletedAt());
        UserItem user = table.get(UserItem.class, UserItem.pk(userId), UserItem.SK)
                .orElseThrow(() -> new ApiException(ProblemType.INVALID_TOKEN, "The account no longer exists"));
        confirm(caller, user, request.password());

        Instant now = clock.instant();
        List<String> organisations = raw.organisationsOf(UserItem.pk(userId));
        DeletedAccountItem deleted = new DeletedAccountItem();
        deleted.setPk(DeletedAccountItem.pk(userId));
        deleted.setSk(DeletedAccountItem.SK);
        deleted.setUserId(userId);
        deleted.setDeletedAt(now.toString());
        deleted.setOrganisationIds(organisations);

        var transaction = TransactWriteItemsEnhancedRequest.builder()
                .addDeleteItem(table.of(UserItem.class), DeleteItemEnhancedRequest.builder()
                        .key(Key.builder().partitionValue(UserItem.pk(userId)).sortValue(UserItem.SK).build())
                        .conditionExpression(unchanged(user))
                        .build());
        if (user.getEmail() != null) {
            transaction.addDeleteItem(table.of(EmailItem.class), DeleteItemEnhancedRequest.builder()
                    .key(Key.builder().partitionValue(EmailItem.pk(user.getEmail())).sortValue(EmailItem.SK).build())
                    .conditionExpression(Expression.builder().expression("attribute_not_exists(pk) OR userId = :u")
                            .putExpressionValue(":u", AttributeValue.fromS(userId)).build())
                    .build());
        }
        transaction.addPutItem(table.of(DeletedAccountItem.class), PutItemEnhancedRequest.builder(DeletedAccountItem.class)
                .item(deleted).conditionExpression(Expression.builder().expression("attribute_not_exists(pk)").build()).build());
        // A person's event, like a sign-in: no organisation in the envelope, every one of theirs in the payload, so the
        // audit trail appends it to each of their organisations' chains (an envelope's organisation would be the only one).
        outbox.add(transaction, AccountDeleted.TYPE, null, userId, new AccountDeleted(userId, now.toString(), organisations));
        try {
            table.client().transactWriteItems(transaction.build());
        } catch (TransactionCanceledException e) {
            throw new ApiException(ProblemType.CONFLICT, "Your account changed meanwhile; try again");
        }
        return erase(userId, user.getEmail(), now.toString());
    }

    /** The profile as it was read: at its version (an item from before versions: as long as it exists). */
    private static Expression unchanged(UserItem user) {
        if (user.getVersion() == null) return Expression.builder().expression("attribute_exists(pk)").build();
        return Expression.builder().expression("#v = :v").putExpressionName("#v", "version")
                .putExpressionValue(":v", AttributeValue.fromN(String.valueOf(user.getVersion()))).build();
    }

    /** The current password, or a recent sign-in where the account has none: as an app asks before deleting. */
    void confirm(Caller caller, UserItem user, String password) {
        if (user.getPasswordHash() != null) {
            if (password == null || !Password.check(password, user.getPasswordHash())
                    .with(Argon2Function.getInstanceFromHash(user.getPasswordHash()))) {
                throw new ApiException(ProblemType.INVALID_CREDENTIALS, "The password is wrong");
            }
            return;
        }
        Instant signedIn = Optional.ofNullable(caller.sessionId())
                .flatMap(sid -> raw.get(UserItem.pk(user.getId()), "SESSION#" + sid))
                .map(s -> RawItems.text(s, "createdAt")).map(Instant::parse).orElse(Instant.EPOCH);
        if (signedIn.isBefore(clock.instant().minus(RECENT_SIGN_IN))) {
            throw ApiException.forbidden("Sign in again, then delete your account within 10 minutes");
        }
    }

    /** Everything else that is the person's alone, by the key patterns of shared/TABLE_DESIGN.md; safe to run again. */
    Receipt erase(String userId, String email, String deletedAt) {
        Map<String, Integer> erased = new LinkedHashMap<>();
        Map<String, Integer> pseudonymised = new LinkedHashMap<>();
        Map<String, Integer> erasing = new LinkedHashMap<>();
        if (email != null) {
            erased.merge("profile", 1, Integer::sum);
            erased.merge("e-mail claim", 1, Integer::sum);
        }
        String user = UserItem.pk(userId);
        for (var item : raw.partition(user, null)) {
            String sk = RawItems.text(item, "sk");
            if (sk.startsWith("DEVICE#")) {
                // Its SNS endpoint ARN is only here: notifications deletes the endpoint, then this item (on AccountDeleted).
                erasing.merge("push devices", 1, Integer::sum);
                continue;
            }
            if (sk.startsWith("SESSION#") && RawItems.text(item, "currentTokenHash") != null) {
                raw.delete("REFRESH#" + RawItems.text(item, "currentTokenHash"), "REFRESH");
            }
            if (sk.startsWith("IDENTITY#") && RawItems.text(item, "subject") != null) {
                raw.delete("IDENTITY#" + RawItems.text(item, "provider") + "#" + RawItems.text(item, "subject"), "IDENTITY");
            }
            raw.delete(user, sk);
            erased.merge(kindInUserPartition(sk), 1, Integer::sum);
        }
        if (email != null) raw.delete("LOGINFAIL#" + email.toLowerCase(Locale.ROOT), "LOGINFAIL");
        for (var delegation : raw.index("gsi1", user + "#RECEIVED", null)) {
            endDelegation(delegation, true);
            pseudonymised.merge("delegations received", 1, Integer::sum);
        }
        for (var delegation : raw.index("gsi2", user + "#GIVEN", null)) {
            endDelegation(delegation, false);
            pseudonymised.merge("delegations given", 1, Integer::sum);
        }
        for (var search : raw.index("gsi2", user + "#SAVEDSEARCHES", null)) {
            erased.merge("saved searches", deletePartition(RawItems.text(search, "pk")), Integer::sum);
        }
        erased.merge("listing alerts", deletePartition("ALERTED#" + userId), Integer::sum);
        erased.merge("calendar entries", deletePartition("CALENDAR#" + userId), Integer::sum);
        // The encrypted OAuth tokens are only in the connection: calendar revokes the grant with them at the provider,
        // then deletes the connection and its links (on AccountDeleted).
        erasing.merge("calendar connections", raw.index("gsi1", "CALENDAR_USER#" + userId, null).size(), Integer::sum);
        for (var feed : raw.index("gsi1", "CALENDAR_FEEDS#" + userId, null)) {
            raw.delete(RawItems.text(feed, "pk"), RawItems.text(feed, "sk"));
            erased.merge("calendar feeds", 1, Integer::sum);
        }
        if (raw.get("REALTOR#" + userId, "REALTOR").isPresent()) {
            raw.delete("REALTOR#" + userId, "REALTOR");
            erased.merge("realtor membership", 1, Integer::sum);
        }
        for (var job : raw.index("gsi1", ExportJobItem.byUser(userId), null)) {
            raw.delete(RawItems.text(job, "pk"), RawItems.text(job, "sk"));
            erased.merge("exports", 1, Integer::sum);
        }
        int files = store.deleteAll(Exports.prefix(userId));
        if (files > 0) erased.merge("export files", files, Integer::sum);
        erased.values().removeIf(n -> n == 0);
        erasing.values().removeIf(n -> n == 0);
        return new Receipt(userId, deletedAt, erased, pseudonymised, erasing, KEPT);
    }

    /**
     * A delegation the person gave or received stays (a ballot cast through it refers to it) but grants nothing any
     * more, and a received one loses the address it was sent to: the delegate is their id alone.
     */
    private void endDelegation(Map<String, AttributeValue> delegation, boolean received) {
        String status = RawItems.text(delegation, "status");
        boolean active = "PENDING".equals(status) || "ACCEPTED".equals(status);
        if (!active && !(received && delegation.containsKey("delegateEmail"))) return;
        StringBuilder update = new StringBuilder("ADD #v :one");
        Map<String, String> names = new LinkedHashMap<>(Map.of("#v", "version"));
        Map<String, AttributeValue> values = new LinkedHashMap<>(Map.of(":one", AttributeValue.fromN("1")));
        if (active) {
            update.append(" SET #s = :revoked");
            names.put("#s", "status");
            values.put(":revoked", AttributeValue.fromS("REVOKED"));
        }
        if (received) update.append(" REMOVE delegateEmail");
        raw.client().updateItem(b -> b.tableName(raw.table())
                .key(RawItems.key(RawItems.text(delegation, "pk"), RawItems.text(delegation, "sk")))
                .conditionExpression("attribute_exists(pk)")
                .updateExpression(update.toString()).expressionAttributeNames(names).expressionAttributeValues(values));
    }

    private int deletePartition(String pk) {
        int n = 0;
        for (var item : raw.partition(pk, null)) {
            raw.delete(pk, RawItems.text(item, "sk"));
            n++;
        }
        return n;
    }

    static String kindInUserPartition(String sk) {
        if (sk.startsWith("MEMBER#")) return "memberships";
        if (sk.startsWith("SESSION#")) return "sessions and refresh tokens";
        if (sk.startsWith("IDENTITY#")) return "sign-in identities";
        if (sk.equals("PREFERENCES")) return "notification preferences";
        if (sk.startsWith("NOTIFICATION")) return "notifications";
        return "other account items";
    }
}
