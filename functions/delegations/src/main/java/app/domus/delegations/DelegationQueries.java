package app.domus.delegations;

import app.domus.shared.directory.DelegationItem;
import app.domus.shared.directory.EmailItem;
import app.domus.shared.persistence.DomusTable;
import app.domus.shared.persistence.TableItem;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reads delegations for one unit through the table's indexes (see {@link DelegationItem} for the keys). */
@Singleton
public class DelegationQueries {
    private final DomusTable table;

    @Inject
    public DelegationQueries(DomusTable table) {
        this.table = table;
    }

    /** Every delegation this person gave for the unit, whatever its status. */
    public List<DelegationItem> givenFor(String ownerId, String unitId) {
        QueryEnhancedRequest request = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(DelegationItem.givenBy(ownerId)).build()))
                .filterExpression(Expression.builder().expression("unitId = :unit")
                        .putExpressionValue(":unit", AttributeValue.fromS(unitId)).build())
                .build();
        return table.of(DelegationItem.class).index(TableItem.GSI2).query(request).stream()
                .flatMap(page -> page.items().stream()).toList();
    }

    /** Every delegation for the unit in one received-partition ({@link DelegationItem#receivedBy} or {@code receivedByEmail}). */
    public List<DelegationItem> receivedFor(String receivedPartition, String unitId) {
        QueryConditional condition = QueryConditional.sortBeginsWith(Key.builder()
                .partitionValue(receivedPartition).sortValue(DelegationItem.forUnit(unitId)).build());
        return table.of(DelegationItem.class).index(TableItem.GSI1).query(condition).stream()
                .flatMap(page -> page.items().stream()).toList();
    }

    /**
     * The account a delegation points at: its delegate's id, or for one addressed to an e-mail without an
     * account at the time, whoever holds that address now (null when still nobody does).
     */
    public String delegateOf(DelegationItem delegation) {
        if (delegation.getDelegateId() != null) return delegation.getDelegateId();
        return table.get(EmailItem.class, EmailItem.pk(delegation.getDelegateEmail()), EmailItem.SK)
                .map(EmailItem::getUserId).orElse(null);
    }

    /** Still able to become or stay usable: pending or accepted, and not past its expiry. */
    public static boolean live(DelegationItem delegation, Instant now) {
        boolean open = DelegationItem.PENDING.equals(delegation.getStatus())
                || DelegationItem.ACCEPTED.equals(delegation.getStatus());
        return open && Instant.parse(delegation.getExpiresAt()).isAfter(now);
    }
}
