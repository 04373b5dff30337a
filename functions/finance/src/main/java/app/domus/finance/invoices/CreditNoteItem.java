package app.domus.finance.invoices;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * The credit note that cancels an invoice, beside it: pk {@code INVOICE#<invoiceId>}, sk {@code CREDIT_NOTE}. One per
 * invoice (put only where none exists); it credits the invoice's whole total and repeats its lines (read from the invoice).
 */
public class CreditNoteItem extends TableItem {
    public static final String SK = "CREDIT_NOTE";

    private String id;
    private String number;
    private String invoiceId;
    private String invoiceNumber;
    private String organisationId;
    private String buildingId;
    private String unitId;
    private String currency;
    private Long netTotal;
    private Long vatTotal;
    private Long total;
    private String reason;
    private String issuedOn;
    private String createdBy;
    private String createdAt;
    private String pdfKey;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getNumber() { return number; }
    public void setNumber(String number) { this.number = number; }
    public String getInvoiceId() { return invoiceId; }
    public void setInvoiceId(String invoiceId) { this.invoiceId = invoiceId; }
    public String getInvoiceNumber() { return invoiceNumber; }
    public void setInvoiceNumber(String invoiceNumber) { this.invoiceNumber = invoiceNumber; }
    public String getOrganisationId() { return organisationId; }
    public void setOrganisationId(String organisationId) { this.organisationId = organisationId; }
    public String getBuildingId() { return buildingId; }
    public void setBuildingId(String buildingId) { this.buildingId = buildingId; }
    public String getUnitId() { return unitId; }
    public void setUnitId(String unitId) { this.unitId = unitId; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public Long getNetTotal() { return netTotal; }
    public void setNetTotal(Long netTotal) { this.netTotal = netTotal; }
    public Long getVatTotal() { return vatTotal; }
    public void setVatTotal(Long vatTotal) { this.vatTotal = vatTotal; }
    public Long getTotal() { return total; }
    public void setTotal(Long total) { this.total = total; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public String getIssuedOn() { return issuedOn; }
    public void setIssuedOn(String issuedOn) { this.issuedOn = issuedOn; }
    public String getCreatedBy() { return createdBy; }
    public void setCreatedBy(String createdBy) { this.createdBy = createdBy; }
    public String getCreatedAt() { return createdAt; }
    public void setCreatedAt(String createdAt) { this.createdAt = createdAt; }
    public String getPdfKey() { return pdfKey; }
    public void setPdfKey(String pdfKey) { this.pdfKey = pdfKey; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<CreditNoteItem> SCHEMA = ItemSchema.item(CreditNoteItem.class, CreditNoteItem::new)
            .text("id", CreditNoteItem::getId, CreditNoteItem::setId)
            .text("number", CreditNoteItem::getNumber, CreditNoteItem::setNumber)
            .text("invoiceId", CreditNoteItem::getInvoiceId, CreditNoteItem::setInvoiceId)
            .text("invoiceNumber", CreditNoteItem::getInvoiceNumber, CreditNoteItem::setInvoiceNumber)
            .text("organisationId", CreditNoteItem::getOrganisationId, CreditNoteItem::setOrganisationId)
            .text("buildingId", CreditNoteItem::getBuildingId, CreditNoteItem::setBuildingId)
            .text("unitId", CreditNoteItem::getUnitId, CreditNoteItem::setUnitId)
            .text("currency", CreditNoteItem::getCurrency, CreditNoteItem::setCurrency)
            .attribute(Long.class, "netTotal", CreditNoteItem::getNetTotal, CreditNoteItem::setNetTotal)
            .attribute(Long.class, "vatTotal", CreditNoteItem::getVatTotal, CreditNoteItem::setVatTotal)
            .attribute(Long.class, "total", CreditNoteItem::getTotal, CreditNoteItem::setTotal)
            .text("reason", CreditNoteItem::getReason, CreditNoteItem::setReason)
            .text("issuedOn", CreditNoteItem::getIssuedOn, CreditNoteItem::setIssuedOn)
            .text("createdBy", CreditNoteItem::getCreatedBy, CreditNoteItem::setCreatedBy)
            .text("createdAt", CreditNoteItem::getCreatedAt, CreditNoteItem::setCreatedAt)
            .text("pdfKey", CreditNoteItem::getPdfKey, CreditNoteItem::setPdfKey)
            .build();
}
