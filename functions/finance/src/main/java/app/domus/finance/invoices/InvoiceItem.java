package app.domus.finance.invoices;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * An invoice: pk {@code INVOICE#<invoiceId>}, sk {@code INVOICE}; gsi1 {@code UNIT#<unitId>#INVOICES} / {@code <issuedOn>#<id>}
 * and gsi2 {@code BUILDING#<buildingId>#INVOICES} / {@code <issuedOn>#<id>} (a unit's and a building's invoices by date).
 * Never deleted: {@code issued → partly_paid → paid} as payments arrive ({@code paidTotal}, a refund moves it back), or
 * {@code issued → cancelled} by a credit note. Amounts in minor units of {@code currency}. Building and unit
 * are copied in as they were named when it was issued, since the invoice must keep saying what it said.
 */
public class InvoiceItem extends TableItem {
    public static final String SK = "INVOICE";
    public static final String ISSUED = "ISSUED";
    public static final String PARTLY_PAID = "PARTLY_PAID";
    public static final String PAID = "PAID";
    public static final String CANCELLED = "CANCELLED";

    private String id;
    private String number;
    private String organisationId;
    private String buildingId;
    private String buildingName;
    private String unitId;
    private String unitNumber;
    private String currency;
    private List<InvoiceLine> lines;
    private Long netTotal;
    private Long vatTotal;
    private Long total;
    private Long paidTotal;
    private String issuedOn;
    private String dueDate;
    private String status;
    private String createdBy;
    private String createdAt;
    private String pdfKey;
    private String creditNoteId;
    private String creditNoteNumber;
    private String cancelledAt;

    public static String pk(String invoiceId) { return "INVOICE#" + invoiceId; }
    public static String byUnit(String unitId) { return "UNIT#" + unitId + "#INVOICES"; }
    public static String byBuilding(String buildingId) { return "BUILDING#" + buildingId + "#INVOICES"; }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getNumber() { return number; }
    public void setNumber(String number) { this.number = number; }
    public String getOrganisationId() { return organisationId; }
    public void setOrganisationId(String organisationId) { this.organisationId = organisationId; }
    public String getBuildingId() { return buildingId; }
    public void setBuildingId(String buildingId) { this.buildingId = buildingId; }
    public String getBuildingName() { return buildingName; }
    public void setBuildingName(String buildingName) { this.buildingName = buildingName; }
    public String getUnitId() { return unitId; }
    public void setUnitId(String unitId) { this.unitId = unitId; }
    public String getUnitNumber() { return unitNumber; }
    public void setUnitNumber(String unitNumber) { this.unitNumber = unitNumber; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public List<InvoiceLine> getLines() { return lines; }
    public void setLines(List<InvoiceLine> lines) { this.lines = lines; }
    public Long getNetTotal() { return netTotal; }
    public void setNetTotal(Long netTotal) { this.netTotal = netTotal; }
    public Long getVatTotal() { return vatTotal; }
    public void setVatTotal(Long vatTotal) { this.vatTotal = vatTotal; }
    public Long getTotal() { return total; }
    public void setTotal(Long total) { this.total = total; }
    /** What payments have settled so far, net of refunds; 0 when none (also for invoices stored before payments existed). */
    public long paid() { return paidTotal == null ? 0 : paidTotal; }
    public long outstanding() { return total - paid(); }
    public Long getPaidTotal() { return paidTotal; }
    public void setPaidTotal(Long paidTotal) { this.paidTotal = paidTotal; }
    /** The status that a paid amount gives an invoice that is not cancelled. */
    public static String statusFor(long paid, long total) {
        return paid <= 0 ? ISSUED : paid >= total ? PAID : PARTLY_PAID;
    }
    public String getIssuedOn() { return issuedOn; }
    public void setIssuedOn(String issuedOn) { this.issuedOn = issuedOn; }
    public String getDueDate() { return dueDate; }
    public void setDueDate(String dueDate) { this.dueDate = dueDate; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getCreatedBy() { return createdBy; }
    public void setCreatedBy(String createdBy) { this.createdBy = createdBy; }
    public String getCreatedAt() { return createdAt; }
    public void setCreatedAt(String createdAt) { this.createdAt = createdAt; }
    public String getPdfKey() { return pdfKey; }
    public void setPdfKey(String pdfKey) { this.pdfKey = pdfKey; }
    public String getCreditNoteId() { return creditNoteId; }
    public void setCreditNoteId(String creditNoteId) { this.creditNoteId = creditNoteId; }
    public String getCreditNoteNumber() { return creditNoteNumber; }
    public void setCreditNoteNumber(String creditNoteNumber) { this.creditNoteNumber = creditNoteNumber; }
    public String getCancelledAt() { return cancelledAt; }
    public void setCancelledAt(String cancelledAt) { this.cancelledAt = cancelledAt; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<InvoiceItem> SCHEMA = ItemSchema.item(InvoiceItem.class, InvoiceItem::new)
            .text("id", InvoiceItem::getId, InvoiceItem::setId)
            .text("number", InvoiceItem::getNumber, InvoiceItem::setNumber)
            .text("organisationId", InvoiceItem::getOrganisationId, InvoiceItem::setOrganisationId)
            .text("buildingId", InvoiceItem::getBuildingId, InvoiceItem::setBuildingId)
            .text("buildingName", InvoiceItem::getBuildingName, InvoiceItem::setBuildingName)
            .text("unitId", InvoiceItem::getUnitId, InvoiceItem::setUnitId)
            .text("unitNumber", InvoiceItem::getUnitNumber, InvoiceItem::setUnitNumber)
            .text("currency", InvoiceItem::getCurrency, InvoiceItem::setCurrency)
            .documents("lines", InvoiceLine.class, InvoiceLine.SCHEMA, InvoiceItem::getLines, InvoiceItem::setLines)
            .attribute(Long.class, "netTotal", InvoiceItem::getNetTotal, InvoiceItem::setNetTotal)
            .attribute(Long.class, "vatTotal", InvoiceItem::getVatTotal, InvoiceItem::setVatTotal)
            .attribute(Long.class, "total", InvoiceItem::getTotal, InvoiceItem::setTotal)
            .attribute(Long.class, "paidTotal", InvoiceItem::getPaidTotal, InvoiceItem::setPaidTotal)
            .text("issuedOn", InvoiceItem::getIssuedOn, InvoiceItem::setIssuedOn)
            .text("dueDate", InvoiceItem::getDueDate, InvoiceItem::setDueDate)
            .text("status", InvoiceItem::getStatus, InvoiceItem::setStatus)
            .text("createdBy", InvoiceItem::getCreatedBy, InvoiceItem::setCreatedBy)
            .text("createdAt", InvoiceItem::getCreatedAt, InvoiceItem::setCreatedAt)
            .text("pdfKey", InvoiceItem::getPdfKey, InvoiceItem::setPdfKey)
            .text("creditNoteId", InvoiceItem::getCreditNoteId, InvoiceItem::setCreditNoteId)
            .text("creditNoteNumber", InvoiceItem::getCreditNoteNumber, InvoiceItem::setCreditNoteNumber)
            .text("cancelledAt", InvoiceItem::getCancelledAt, InvoiceItem::setCancelledAt)
            .build();
}
