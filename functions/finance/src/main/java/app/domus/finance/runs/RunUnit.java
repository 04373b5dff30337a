package app.domus.finance.runs;

import app.domus.shared.persistence.ItemSchema;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * What a billing run did with one unit, as listed in the run: invoiced ({@code invoiceId}, {@code number}, {@code total}
 * in minor units) or skipped ({@code reason}: {@code no_owner}, {@code nothing_to_invoice}, {@code unit_removed},
 * {@code refused}, with a {@code detail} for people).
 */
public class RunUnit {
    private String unitId;
    private String unitNumber;
    private String invoiceId;
    private String number;
    private Long total;
    private String reason;
    private String detail;

    public static RunUnit invoiced(String unitId, String unitNumber, String invoiceId, String number, long total) {
        RunUnit unit = new RunUnit();
        unit.setUnitId(unitId);
        unit.setUnitNumber(unitNumber);
        unit.setInvoiceId(invoiceId);
        unit.setNumber(number);
        unit.setTotal(total);
        return unit;
    }

    public static RunUnit skipped(String unitId, String unitNumber, String reason, String detail) {
        RunUnit unit = new RunUnit();
        unit.setUnitId(unitId);
        unit.setUnitNumber(unitNumber);
        unit.setReason(reason);
        unit.setDetail(detail);
        return unit;
    }

    public String getUnitId() { return unitId; }
    public void setUnitId(String unitId) { this.unitId = unitId; }
    public String getUnitNumber() { return unitNumber; }
    public void setUnitNumber(String unitNumber) { this.unitNumber = unitNumber; }
    public String getInvoiceId() { return invoiceId; }
    public void setInvoiceId(String invoiceId) { this.invoiceId = invoiceId; }
    public String getNumber() { return number; }
    public void setNumber(String number) { this.number = number; }
    public Long getTotal() { return total; }
    public void setTotal(Long total) { this.total = total; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public String getDetail() { return detail; }
    public void setDetail(String detail) { this.detail = detail; }

    public static final TableSchema<RunUnit> SCHEMA = ItemSchema.document(RunUnit.class, RunUnit::new)
            .text("unitId", RunUnit::getUnitId, RunUnit::setUnitId)
            .text("unitNumber", RunUnit::getUnitNumber, RunUnit::setUnitNumber)
            .text("invoiceId", RunUnit::getInvoiceId, RunUnit::setInvoiceId)
            .text("number", RunUnit::getNumber, RunUnit::setNumber)
            .attribute(Long.class, "total", RunUnit::getTotal, RunUnit::setTotal)
            .text("reason", RunUnit::getReason, RunUnit::setReason)
            .text("detail", RunUnit::getDetail, RunUnit::setDetail)
            .build();
}
