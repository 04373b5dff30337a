package app.domus.finance.runs;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * What a billing run will invoice, fixed when it starts: pk {@code BILLING_RUN#<runId>}, sk {@code PLAN}; each unit of the
 * building (by number) with its part of every template line. Written once with the run and never changed, so a resumed
 * run bills what the first attempt would have, even if units or shares changed meanwhile. Apart from the run item so
 * that the run's progress updates do not rewrite it.
 */
public class BillingPlanItem extends TableItem {
    public static final String SK = "PLAN";

    private String runId;
    private List<PlannedUnit> units;

    public String getRunId() { return runId; }
    public void setRunId(String runId) { this.runId = runId; }
    public List<PlannedUnit> getUnits() { return units; }
    public void setUnits(List<PlannedUnit> units) { this.units = units; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<BillingPlanItem> SCHEMA = ItemSchema.item(BillingPlanItem.class, BillingPlanItem::new)
            .text("runId", BillingPlanItem::getRunId, BillingPlanItem::setRunId)
            .documents("units", PlannedUnit.class, PlannedUnit.SCHEMA, BillingPlanItem::getUnits, BillingPlanItem::setUnits)
            .build();
}
