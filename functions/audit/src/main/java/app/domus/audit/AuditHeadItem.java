package app.domus.audit;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * The head of an organisation's audit chain: pk {@code AUDIT#<organisationId>}, sk {@code HEAD}; the last entry's
 * sequence and hash. Every append moves it on, conditioned on the sequence it read (optimistic concurrency), in the
 * same transaction as the entry it appends.
 */
public class AuditHeadItem extends TableItem {
    public static final String SK = "HEAD";

    private String organisationId;
    private Long sequence;
    private String hash;
    private String updatedAt;

    public String getOrganisationId() { return organisationId; }
    public void setOrganisationId(String organisationId) { this.organisationId = organisationId; }
    public Long getSequence() { return sequence; }
    public void setSequence(Long sequence) { this.sequence = sequence; }
    public String getHash() { return hash; }
    public void setHash(String hash) { this.hash = hash; }
    public String getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(String updatedAt) { this.updatedAt = updatedAt; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<AuditHeadItem> SCHEMA = ItemSchema.item(AuditHeadItem.class, AuditHeadItem::new)
            .text("organisationId", AuditHeadItem::getOrganisationId, AuditHeadItem::setOrganisationId)
            .attribute(Long.class, "sequence", AuditHeadItem::getSequence, AuditHeadItem::setSequence)
            .text("hash", AuditHeadItem::getHash, AuditHeadItem::setHash)
            .text("updatedAt", AuditHeadItem::getUpdatedAt, AuditHeadItem::setUpdatedAt)
            .build();
}
