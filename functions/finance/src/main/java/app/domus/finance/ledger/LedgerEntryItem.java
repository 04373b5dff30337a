package app.domus.finance.ledger;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * One posting to a unit's account: pk {@code LEDGER#<unitId>}, sk {@code ENTRY#<sequence, 12 digits>}. The sequence is the
 * account's count of entries after this one (1, 2, ...), so the sort key is the posting order, and {@code balanceAfter} is
 * the account's balance once it was posted; both come from the account's {@link UnitBalanceItem} in the same transaction.
 * Amounts are signed minor units: a charge is positive (the unit owes more), a credit or a payment negative.
 */
public class LedgerEntryItem extends TableItem {
    private String unitId;
    private String organisationId;
    private Long sequence;
    private String kind;
    private Long amount;
    private Long balanceAfter;
    private String currency;
    private String referenceType;
    private String referenceId;
    private String documentNumber;
    private String description;
    private String postedAt;

    public static String pk(String unitId) { return "LEDGER#" + unitId; }
    public static final String SK_PREFIX = "ENTRY#";
    public static String sk(long sequence) { return SK_PREFIX + String.format("%012d", sequence); }

    public String getUnitId() { return unitId; }
    public void setUnitId(String unitId) { this.unitId = unitId; }
    public String getOrganisationId() { return organisationId; }
    public void setOrganisationId(String organisationId) { this.organisationId = organisationId; }
    public Long getSequence() { return sequence; }
    public void setSequence(Long sequence) { this.sequence = sequence; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public Long getAmount() { return amount; }
    public void setAmount(Long amount) { this.amount = amount; }
    public Long getBalanceAfter() { return balanceAfter; }
    public void setBalanceAfter(Long balanceAfter) { this.balanceAfter = balanceAfter; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public String getReferenceType() { return referenceType; }
    public void setReferenceType(String referenceType) { this.referenceType = referenceType; }
    public String getReferenceId() { return referenceId; }
    public void setReferenceId(String referenceId) { this.referenceId = referenceId; }
    public String getDocumentNumber() { return documentNumber; }
    public void setDocumentNumber(String documentNumber) { this.documentNumber = documentNumber; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getPostedAt() { return postedAt; }
    public void setPostedAt(String postedAt) { this.postedAt = postedAt; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<LedgerEntryItem> SCHEMA = ItemSchema.item(LedgerEntryItem.class, LedgerEntryItem::new)
            .text("unitId", LedgerEntryItem::getUnitId, LedgerEntryItem::setUnitId)
            .text("organisationId", LedgerEntryItem::getOrganisationId, LedgerEntryItem::setOrganisationId)
            .attribute(Long.class, "sequence", LedgerEntryItem::getSequence, LedgerEntryItem::setSequence)
            .text("kind", LedgerEntryItem::getKind, LedgerEntryItem::setKind)
            .attribute(Long.class, "amount", LedgerEntryItem::getAmount, LedgerEntryItem::setAmount)
            .attribute(Long.class, "balanceAfter", LedgerEntryItem::getBalanceAfter, LedgerEntryItem::setBalanceAfter)
            .text("currency", LedgerEntryItem::getCurrency, LedgerEntryItem::setCurrency)
            .text("referenceType", LedgerEntryItem::getReferenceType, LedgerEntryItem::setReferenceType)
            .text("referenceId", LedgerEntryItem::getReferenceId, LedgerEntryItem::setReferenceId)
            .text("documentNumber", LedgerEntryItem::getDocumentNumber, LedgerEntryItem::setDocumentNumber)
            .text("description", LedgerEntryItem::getDescription, LedgerEntryItem::setDescription)
            .text("postedAt", LedgerEntryItem::getPostedAt, LedgerEntryItem::setPostedAt)
            .build();
}
