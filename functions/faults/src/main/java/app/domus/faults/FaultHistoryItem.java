package app.domus.faults;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * One change of a fault: who, when, what. pk {@code FAULT#<faultId>}, sk {@code HISTORY#<at>#<number>}
 * (the number, zero-padded, keeps entries of the same instant apart and in order). Written only once.
 */
public class FaultHistoryItem extends TableItem {
    public static final String SK_PREFIX = "HISTORY#";

    public static final String REPORTED = "REPORTED";
    public static final String ANALYSED = "ANALYSED";
    public static final String ASSIGNED = "ASSIGNED";
    public static final String STATUS_CHANGED = "STATUS_CHANGED";

    private String faultId;
    private Integer number;
    private String at;
    private String by;
    private String action;
    private String fromStatus;
    private String toStatus;
    private String assigneeId;
    private String note;

    static FaultHistoryItem of(String faultId, int number, String at, String by, String action) {
        FaultHistoryItem h = new FaultHistoryItem();
        h.setPk(FaultItem.pk(faultId));
        h.setSk(SK_PREFIX + at + "#" + String.format("%05d", number));
        h.setFaultId(faultId);
        h.setNumber(number);
        h.setAt(at);
        h.setBy(by);
        h.setAction(action);
        return h;
    }

    public FaultHistoryItem status(FaultStatus from, FaultStatus to) {
        fromStatus = from == null ? null : from.name();
        toStatus = to.name();
        return this;
    }

    public FaultHistoryItem assignee(String userId) {
        assigneeId = userId;
        return this;
    }

    public FaultHistoryItem note(String text) {
        note = text;
        return this;
    }

    public String getFaultId() { return faultId; }
    public void setFaultId(String faultId) { this.faultId = faultId; }
    public Integer getNumber() { return number; }
    public void setNumber(Integer number) { this.number = number; }
    public String getAt() { return at; }
    public void setAt(String at) { this.at = at; }
    public String getBy() { return by; }
    public void setBy(String by) { this.by = by; }
    public String getAction() { return action; }
    public void setAction(String action) { this.action = action; }
    public String getFromStatus() { return fromStatus; }
    public void setFromStatus(String fromStatus) { this.fromStatus = fromStatus; }
    public String getToStatus() { return toStatus; }
    public void setToStatus(String toStatus) { this.toStatus = toStatus; }
    public String getAssigneeId() { return assigneeId; }
    public void setAssigneeId(String assigneeId) { this.assigneeId = assigneeId; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<FaultHistoryItem> SCHEMA = ItemSchema.item(FaultHistoryItem.class, FaultHistoryItem::new)
            .text("faultId", FaultHistoryItem::getFaultId, FaultHistoryItem::setFaultId)
            .attribute(Integer.class, "number", FaultHistoryItem::getNumber, FaultHistoryItem::setNumber)
            .text("at", FaultHistoryItem::getAt, FaultHistoryItem::setAt)
            .text("by", FaultHistoryItem::getBy, FaultHistoryItem::setBy)
            .text("action", FaultHistoryItem::getAction, FaultHistoryItem::setAction)
            .text("fromStatus", FaultHistoryItem::getFromStatus, FaultHistoryItem::setFromStatus)
            .text("toStatus", FaultHistoryItem::getToStatus, FaultHistoryItem::setToStatus)
            .text("assigneeId", FaultHistoryItem::getAssigneeId, FaultHistoryItem::setAssigneeId)
            .text("note", FaultHistoryItem::getNote, FaultHistoryItem::setNote)
            .build();
}
