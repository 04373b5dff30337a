package app.domus.faults;

import app.domus.faults.photos.PhotoIntake;
import app.domus.shared.uploads.UploadItem;
import app.domus.shared.events.NewEvent;
import app.domus.shared.events.Outbox;
import app.domus.shared.http.ApiException;
import app.domus.shared.persistence.DomusTable;
import app.domus.shared.persistence.TableItem;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Faults and their history in the table. A fault and the history entries of a change are written together. */
@Singleton
public class FaultStore {
    private final DomusTable table;
    private final Outbox outbox;

    @Inject
    public FaultStore(DomusTable table, Outbox outbox) {
        this.table = table;
        this.outbox = outbox;
    }

    public Optional<FaultItem> find(String faultId) {
        return table.get(FaultItem.class, FaultItem.pk(faultId), FaultItem.SK);
    }

    public FaultItem require(String faultId) {
        return find(faultId).orElseThrow(() -> ApiException.notFound("The fault"));
    }

    /** The fault's history, oldest first. */
    public List<FaultHistoryItem> history(String faultId) {
        return table.all(FaultHistoryItem.class, FaultItem.pk(faultId), FaultHistoryItem.SK_PREFIX).stream()
                .sorted(Comparator.comparing(FaultHistoryItem::getNumber)).toList();
    }

    /**
     * Stores a new fault with its first history entry and its events, and marks the uploads its photos came from as used. An
     * upload that changed since it was checked (another fault took it meanwhile) is a 409; nothing is stored.
     */
    public void create(FaultItem fault, FaultHistoryItem reported, List<UploadItem> consumed, List<NewEvent> events) {
        var transaction = TransactWriteItemsEnhancedRequest.builder()
                .addPutItem(table.of(FaultItem.class), fault)
                .addPutItem(table.of(FaultHistoryItem.class), reported);
        consumed.forEach(upload -> transaction.addUpdateItem(table.of(UploadItem.class), upload));
        events.forEach(event -> outbox.add(transaction, event));
        try {
            table.client().transactWriteItems(transaction.build());
            fault.setVersion(1L);
        } catch (TransactionCanceledException e) {
            if (conditionFailedFrom(e, 2)) throw PhotoIntake.takenMeanwhile();
            throw e;
        }
    }

    /**
     * Writes the changed fault, conditional on the version it was read at, with the history entries and the events
     * of the change. Returns false, writing nothing, when someone else changed the fault in between.
     */
    public boolean update(FaultItem fault, List<FaultHistoryItem> entries, List<NewEvent> events) {
        var transaction = TransactWriteItemsEnhancedRequest.builder().addUpdateItem(table.of(FaultItem.class), fault);
        entries.forEach(entry -> transaction.addPutItem(table.of(FaultHistoryItem.class), entry));
        events.forEach(event -> outbox.add(transaction, event));
        long readVersion = fault.getVersion();
        try {
            table.client().transactWriteItems(transaction.build());
            fault.setVersion(readVersion + 1);
            return true;
        } catch (TransactionCanceledException e) {
            if (conditionFailedFrom(e, 0)) return false;
            throw e;
        }
    }

    /** How many faults assigned to this person still need work. */
    public int openFaultsOf(String userId) {
        int open = 0;
        for (FaultStatus status : FaultStatus.OPEN) {
            Key key = Key.builder().partitionValue(FaultItem.byAssignee(userId)).sortValue(status.name() + "#").build();
            open += (int) table.of(FaultItem.class).index(TableItem.GSI2).query(QueryConditional.sortBeginsWith(key))
                    .stream().mapToLong(page -> page.items().size()).sum();
        }
        return open;
    }

    private static boolean conditionFailedFrom(TransactionCanceledException e, int first) {
        List<CancellationReason> reasons = e.cancellationReasons();
        if (reasons == null) return false;
        for (int i = first; i < reasons.size(); i++) {
            if ("ConditionalCheckFailed".equals(reasons.get(i).code())) return true;
        }
        return false;
    }
}
