package app.domus.rentals.stays;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * A keypad code in use on a lock: pk {@code LOCK#<lockId>}, sk {@code CODE#<keyed hash of the code>}, put only where
 * absent in the transaction that starts a stay, so that no two stays share a code on one lock while either is valid;
 * the TTL removes it a day after its window ends.
 */
public class LockCodeItem extends TableItem {
    public static String pk(String lockId) { return "LOCK#" + lockId; }
    public static String sk(String codeHash) { return "CODE#" + codeHash; }

    private String lockId;
    private String reservationId;
    private String validUntil;

    public String getLockId() { return lockId; }
    public void setLockId(String lockId) { this.lockId = lockId; }
    public String getReservationId() { return reservationId; }
    public void setReservationId(String reservationId) { this.reservationId = reservationId; }
    public String getValidUntil() { return validUntil; }
    public void setValidUntil(String validUntil) { this.validUntil = validUntil; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<LockCodeItem> SCHEMA = ItemSchema.item(LockCodeItem.class, LockCodeItem::new)
            .text("lockId", LockCodeItem::getLockId, LockCodeItem::setLockId)
            .text("reservationId", LockCodeItem::getReservationId, LockCodeItem::setReservationId)
            .text("validUntil", LockCodeItem::getValidUntil, LockCodeItem::setValidUntil)
            .build();
}
