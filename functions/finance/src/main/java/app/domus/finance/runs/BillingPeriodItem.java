package app.domus.finance.runs;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * A building's billing period taken by a run: pk {@code BUILDING#<buildingId>}, sk {@code BILLING_PERIOD#<yyyy-MM>}. Put
 * only where none exists, in the transaction that stores the run, so one period of a building has one run.
 */
public class BillingPeriodItem extends TableItem {
    private String buildingId;
    private String period;
    private String runId;

    public static String pk(String buildingId) { return "BUILDING#" + buildingId; }
    public static String sk(String period) { return "BILLING_PERIOD#" + period; }

    public String getBuildingId() { return buildingId; }
    public void setBuildingId(String buildingId) { this.buildingId = buildingId; }
    public String getPeriod() { return period; }
    public void setPeriod(String period) { this.period = period; }
    public String getRunId() { return runId; }
    public void setRunId(String runId) { this.runId = runId; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<BillingPeriodItem> SCHEMA = ItemSchema.item(BillingPeriodItem.class, BillingPeriodItem::new)
            .text("buildingId", BillingPeriodItem::getBuildingId, BillingPeriodItem::setBuildingId)
            .text("period", BillingPeriodItem::getPeriod, BillingPeriodItem::setPeriod)
            .text("runId", BillingPeriodItem::getRunId, BillingPeriodItem::setRunId)
            .build();
}
