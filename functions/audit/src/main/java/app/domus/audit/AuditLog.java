package app.domus.audit;

import app.domus.shared.persistence.Cursor;
import app.domus.shared.persistence.DomusTable;
import app.domus.shared.persistence.Page;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The organisations' audit chains: appending an entry, listing entries newest first, and walking a chain to verify it.
 * Nothing here updates or deletes an entry; no route does either.
 */
@Singleton
public class AuditLog {
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    /** Appends lost to concurrent appends before the event is handed back for redelivery. */
    static final int MAX_ATTEMPTS = 10;
    private static final String CONDITION_FAILED = "ConditionalCheckFailed";

    private final DomusTable table;
    private final Clock clock;
    /** Runs after each attempt has read the head, before it writes: lets a test append in between. */
    private Runnable afterHeadRead = () -> {};

    @Inject
    public AuditLog(DomusTable table, Clock clock) {
        this.table = table;
        this.clock = clock;
    }

    void afterHeadRead(Runnable hook) {
        this.afterHeadRead = hook;
    }

    /** Where an event landed in a chain, and whether this call appended it (false when it was there already). */
    public record Appended(long sequence, boolean appended) {}

    /**
     * Appends the draft at the end of its organisation's chain in one transaction: the entry (where its sequence is not
     * taken), the head moved on (where it still names the sequence read), and the event's marker (where the event is not
     * in the chain yet). A lost race reads the head again and retries; a marker already there means the event was
     * appended before, and nothing more is written.
     */
    public Appended append(AuditEntryItem draft) {
        String pk = draft.getPk();
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Optional<AuditedEventItem> seen = consistentGet(AuditedEventItem.class, pk, AuditedEventItem.sk(draft.getEventId()));
            if (seen.isPresent()) return new Appended(seen.get().getSequence(), false);
            AuditHeadItem head = consistentGet(AuditHeadItem.class, pk, AuditHeadItem.SK).orElse(null);
            afterHeadRead.run();

            long sequence = head == null ? 1 : head.getSequence() + 1;
            AuditEntryItem entry = placed(draft, sequence, head == null ? AuditChain.GENESIS : head.getHash());
            AuditHeadItem next = head == null ? new AuditHeadItem() : head;
            next.setPk(pk);
            next.setSk(AuditHeadItem.SK);
            next.setOrganisationId(draft.getOrganisationId());
            next.setSequence(sequence);
            next.setHash(entry.getHash());
            next.setUpdatedAt(entry.getRecordedAt());
            AuditedEventItem marker = new AuditedEventItem();
            marker.setPk(pk);
            marker.setSk(AuditedEventItem.sk(draft.getEventId()));
            marker.setSequence(sequence);

            Expression headCondition = head == null ? absent()
                    : Expression.builder().expression("#sequence = :expected")
                            .expressionNames(Map.of("#sequence", "sequence"))
                            .expressionValues(Map.of(":expected", AttributeValue.fromN(Long.toString(sequence - 1)))).build();
            try {
                table.client().transactWriteItems(TransactWriteItemsEnhancedRequest.builder()
                        .addPutItem(table.of(AuditEntryItem.class), TransactPutItemEnhancedRequest.builder(AuditEntryItem.class)
                                .item(entry).conditionExpression(absent()).build())
                        .addPutItem(table.of(AuditHeadItem.class), TransactPutItemEnhancedRequest.builder(AuditHeadItem.class)
                                .item(next).conditionExpression(headCondition).build())
                        .addPutItem(table.of(AuditedEventItem.class), TransactPutItemEnhancedRequest.builder(AuditedEventItem.class)
                                .item(marker).conditionExpression(absent()).build())
                        .build());
                return new Appended(sequence, true);
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.cancellationReasons();
                if (reasons.size() > 2 && CONDITION_FAILED.equals(reasons.get(2).code())) {
                    return new Appended(consistentGet(AuditedEventItem.class, pk, marker.getSk())
                            .map(AuditedEventItem::getSequence).orElse(-1L), false);
                }
                LOG.info("Append to {} lost the race for sequence {} (attempt {}); reading the head again", pk, sequence, attempt);
            }
        }
        throw new IllegalStateException("The audit chain " + pk + " kept moving; the event is retried later");
    }

    private AuditEntryItem placed(AuditEntryItem draft, long sequence, String previousHash) {
        AuditEntryItem e = new AuditEntryItem();
        e.setPk(draft.getPk());
        e.setSk(AuditEntryItem.sk(sequence));
        e.setOrganisationId(draft.getOrganisationId());
        e.setSequence(sequence);
        e.setOccurredAt(draft.getOccurredAt());
        e.setRecordedAt(AuditActions.TIME.format(clock.instant()));
        e.setActorId(draft.getActorId());
        e.setAction(draft.getAction());
        e.setTargetType(draft.getTargetType());
        e.setTargetId(draft.getTargetId());
        e.setOutcome(draft.getOutcome());
        e.setSourceIp(draft.getSourceIp());
        e.setUserAgent(draft.getUserAgent());
        e.setEventId(draft.getEventId());
        e.setEventType(draft.getEventType());
        e.setDetails(draft.getDetails());
        e.setPreviousHash(previousHash);
        e.setHash(AuditChain.hash(e));
        return e;
    }

    /** What a list keeps: entries with this action, this actor, and at or after {@code from} and at or before {@code to}. */
    public record Filter(String action, String actorId, String from, String to) {}

    /** One page of the organisation's entries, newest first; a filtered page may hold fewer than {@code limit}. */
    public Page<AuditEntryItem> list(String organisationId, Filter filter, int limit, String cursor) {
        String pk = AuditEntryItem.pk(organisationId);
        QueryEnhancedRequest.Builder request = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.sortBeginsWith(Key.builder().partitionValue(pk).sortValue(AuditEntryItem.SK_PREFIX).build()))
                .scanIndexForward(false)
                .limit(limit)
                .exclusiveStartKey(Cursor.decode(cursor, "pk", pk));
        Expression filterExpression = filterExpression(filter);
        if (filterExpression != null) request.filterExpression(filterExpression);
        var page = table.of(AuditEntryItem.class).query(request.build()).iterator().next();
        return new Page<>(page.items(), Cursor.encode(page.lastEvaluatedKey()));
    }

    private static Expression filterExpression(Filter filter) {
        List<String> terms = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        if (filter.action() != null) {
            terms.add("#action = :action");
            names.put("#action", "action");
            values.put(":action", AttributeValue.fromS(filter.action()));
        }
        if (filter.actorId() != null) {
            terms.add("#actor = :actor");
            names.put("#actor", "actorId");
            values.put(":actor", AttributeValue.fromS(filter.actorId()));
        }
        if (filter.from() != null) {
            terms.add("#at >= :from");
            names.put("#at", "occurredAt");
            values.put(":from", AttributeValue.fromS(filter.from()));
        }
        if (filter.to() != null) {
            terms.add("#at <= :to");
            names.put("#at", "occurredAt");
            values.put(":to", AttributeValue.fromS(filter.to()));
        }
        if (terms.isEmpty()) return null;
        return Expression.builder().expression(String.join(" AND ", terms)).expressionNames(names).expressionValues(values).build();
    }

    /**
     * Walks the organisation's whole chain, oldest first, with strongly consistent reads: every entry in the order of
     * its sort key, and then the head.
     */
    public AuditChain.Verification verify(String organisationId) {
        String pk = AuditEntryItem.pk(organisationId);
        AuditHeadItem head = consistentGet(AuditHeadItem.class, pk, AuditHeadItem.SK).orElse(null);
        AuditChain.Walk walk = new AuditChain.Walk();
        table.of(AuditEntryItem.class).query(QueryEnhancedRequest.builder()
                        .queryConditional(QueryConditional.sortBeginsWith(Key.builder().partitionValue(pk).sortValue(AuditEntryItem.SK_PREFIX).build()))
                        .consistentRead(true)
                        .build())
                .items().forEach(walk::accept);
        // An append that committed during the walk wrote its entry and the head together: read the head again.
        long headSequence = head == null ? 0 : head.getSequence();
        if (walk.last() > headSequence) head = consistentGet(AuditHeadItem.class, pk, AuditHeadItem.SK).orElse(null);
        return walk.finish(head);
    }

    private <T extends app.domus.shared.persistence.TableItem> Optional<T> consistentGet(Class<T> type, String pk, String sk) {
        return Optional.ofNullable(table.of(type).getItem(GetItemEnhancedRequest.builder()
                .key(Key.builder().partitionValue(pk).sortValue(sk).build()).consistentRead(true).build()));
    }

    private static Expression absent() {
        return Expression.builder().expression("attribute_not_exists(pk)").build();
    }
}
