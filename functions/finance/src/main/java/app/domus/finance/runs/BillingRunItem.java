package app.domus.finance.runs;

import app.domus.finance.consumption.Tariff;
import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * A billing run: pk {@code BILLING_RUN#<runId>}, sk {@code RUN}; gsi1 {@code BUILDING#<buildingId>#BILLING_RUNS} /
 * {@code <period>#<runId>} (a building's runs by period). {@code RUNNING → COMPLETED}, or {@code FAILED} when its job
 * gave up. Its template (lines, due date, currency; whether it bills metered use, and the tariffs it does so at), its progress (the units invoiced, each with its invoice, and the
 * units skipped, each with its reason) and its totals, in minor units. Updated at its version: each invoiced unit in the
 * invoice's own transaction, each skipped unit and the end on their own.
 */
public class BillingRunItem extends TableItem {
    public static final String SK = "RUN";
    public static final String RUNNING = "RUNNING";
    public static final String COMPLETED = "COMPLETED";
    public static final String FAILED = "FAILED";

    private String id;
    private String organisationId;
    private String buildingId;
    private String buildingName;
    private String period;
    private String dueDate;
    private String currency;
    private List<RunLine> lines;
    private Boolean consumption;
    private List<Tariff> tariffs;
    private String status;
    private Integer unitsTotal;
    private List<RunUnit> invoices;
    private List<RunUnit> skipped;
    private Long netTotal;
    private Long vatTotal;
    private Long total;
    private String startedBy;
    private String startedAt;
    private String completedAt;
    private Integer attempts;
    private String lastError;

    public static String pk(String runId) { return "BILLING_RUN#" + runId; }
    public static String byBuilding(String buildingId) { return "BUILDING#" + buildingId + "#BILLING_RUNS"; }

    /** Has the run done this unit (invoiced or skipped it)? */
    public boolean done(String unitId) {
        return invoicesOrEmpty().stream().anyMatch(u -> u.getUnitId().equals(unitId))
                || skippedOrEmpty().stream().anyMatch(u -> u.getUnitId().equals(unitId));
    }

    public List<RunUnit> invoicesOrEmpty() { return invoices == null ? List.of() : invoices; }
    public List<RunUnit> skippedOrEmpty() { return skipped == null ? List.of() : skipped; }

    public void addInvoice(RunUnit unit, long net, long vat) {
        List<RunUnit> list = new ArrayList<>(invoicesOrEmpty());
        list.add(unit);
        invoices = list;
        netTotal = Math.addExact(netTotal == null ? 0 : netTotal, net);
        vatTotal = Math.addExact(vatTotal == null ? 0 : vatTotal, vat);
        total = Math.addExact(total == null ? 0 : total, unit.getTotal());
    }

    public void addSkipped(RunUnit unit) {
        List<RunUnit> list = new ArrayList<>(skippedOrEmpty());
        list.add(unit);
        skipped = list;
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getOrganisationId() { return organisationId; }
    public void setOrganisationId(String organisationId) { this.organisationId = organisationId; }
    public String getBuildingId() { return buildingId; }
    public void setBuildingId(String buildingId) { this.buildingId = buildingId; }
    public String getBuildingName() { return buildingName; }
    public void setBuildingName(String buildingName) { this.buildingName = buildingName; }
    public String getPeriod() { return period; }
    public void setPeriod(String period) { this.period = period; }
    public String getDueDate() { return dueDate; }
    public void setDueDate(String dueDate) { this.dueDate = dueDate; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public List<RunLine> getLines() { return lines; }
    public void setLines(List<RunLine> lines) { this.lines = lines; }
    /** Does the run bill metered use too, at {@link #getTariffs} (the building's when it started)? */
    public boolean billsConsumption() { return Boolean.TRUE.equals(consumption); }
    public Boolean getConsumption() { return consumption; }
    public void setConsumption(Boolean consumption) { this.consumption = consumption; }
    public List<Tariff> getTariffs() { return tariffs; }
    public void setTariffs(List<Tariff> tariffs) { this.tariffs = tariffs; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public Integer getUnitsTotal() { return unitsTotal; }
    public void setUnitsTotal(Integer unitsTotal) { this.unitsTotal = unitsTotal; }
    public List<RunUnit> getInvoices() { return invoices; }
    public void setInvoices(List<RunUnit> invoices) { this.invoices = invoices; }
    public List<RunUnit> getSkipped() { return skipped; }
    public void setSkipped(List<RunUnit> skipped) { this.skipped = skipped; }
    public Long getNetTotal() { return netTotal; }
    public void setNetTotal(Long netTotal) { this.netTotal = netTotal; }
    public Long getVatTotal() { return vatTotal; }
    public void setVatTotal(Long vatTotal) { this.vatTotal = vatTotal; }
    public Long getTotal() { return total; }
    public void setTotal(Long total) { this.total = total; }
    public String getStartedBy() { return startedBy; }
    public void setStartedBy(String startedBy) { this.startedBy = startedBy; }
    public String getStartedAt() { return startedAt; }
    public void setStartedAt(String startedAt) { this.startedAt = startedAt; }
    public String getCompletedAt() { return completedAt; }
    public void setCompletedAt(String completedAt) { this.completedAt = completedAt; }
    public Integer getAttempts() { return attempts; }
    public void setAttempts(Integer attempts) { this.attempts = attempts; }
    public String getLastError() { return lastError; }
    public void setLastError(String lastError) { this.lastError = lastError; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<BillingRunItem> SCHEMA = ItemSchema.item(BillingRunItem.class, BillingRunItem::new)
            .text("id", BillingRunItem::getId, BillingRunItem::setId)
            .text("organisationId", BillingRunItem::getOrganisationId, BillingRunItem::setOrganisationId)
            .text("buildingId", BillingRunItem::getBuildingId, BillingRunItem::setBuildingId)
            .text("buildingName", BillingRunItem::getBuildingName, BillingRunItem::setBuildingName)
            .text("period", BillingRunItem::getPeriod, BillingRunItem::setPeriod)
            .text("dueDate", BillingRunItem::getDueDate, BillingRunItem::setDueDate)
            .text("currency", BillingRunItem::getCurrency, BillingRunItem::setCurrency)
            .documents("lines", RunLine.class, RunLine.SCHEMA, BillingRunItem::getLines, BillingRunItem::setLines)
            .attribute(Boolean.class, "consumption", BillingRunItem::getConsumption, BillingRunItem::setConsumption)
            .documents("tariffs", Tariff.class, Tariff.SCHEMA, BillingRunItem::getTariffs, BillingRunItem::setTariffs)
            .text("status", BillingRunItem::getStatus, BillingRunItem::setStatus)
            .attribute(Integer.class, "unitsTotal", BillingRunItem::getUnitsTotal, BillingRunItem::setUnitsTotal)
            .documents("invoices", RunUnit.class, RunUnit.SCHEMA, BillingRunItem::getInvoices, BillingRunItem::setInvoices)
            .documents("skipped", RunUnit.class, RunUnit.SCHEMA, BillingRunItem::getSkipped, BillingRunItem::setSkipped)
            .attribute(Long.class, "netTotal", BillingRunItem::getNetTotal, BillingRunItem::setNetTotal)
            .attribute(Long.class, "vatTotal", BillingRunItem::getVatTotal, BillingRunItem::setVatTotal)
            .attribute(Long.class, "total", BillingRunItem::getTotal, BillingRunItem::setTotal)
            .text("startedBy", BillingRunItem::getStartedBy, BillingRunItem::setStartedBy)
            .text("startedAt", BillingRunItem::getStartedAt, BillingRunItem::setStartedAt)
            .text("completedAt", BillingRunItem::getCompletedAt, BillingRunItem::setCompletedAt)
            .attribute(Integer.class, "attempts", BillingRunItem::getAttempts, BillingRunItem::setAttempts)
            .text("lastError", BillingRunItem::getLastError, BillingRunItem::setLastError)
            .build();
}
