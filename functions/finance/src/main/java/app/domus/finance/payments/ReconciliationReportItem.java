package app.domus.finance.payments;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * The reconciliation of one day's charges: pk {@code RECONCILIATION#<day>}, sk {@code REPORT}. Written again by a rerun
 * of the same day (the comparison is recomputed, not appended to).
 */
public class ReconciliationReportItem extends TableItem {
    public static final String SK = "REPORT";

    private String day;
    private Integer chargesChecked;
    private Integer paymentsChecked;
    private Long gatewayNet;
    private Long bookedNet;
    private List<String> differences;
    private String ranAt;

    public static String pk(String day) { return "RECONCILIATION#" + day; }

    public String getDay() { return day; }
    public void setDay(String day) { this.day = day; }
    public Integer getChargesChecked() { return chargesChecked; }
    public void setChargesChecked(Integer chargesChecked) { this.chargesChecked = chargesChecked; }
    public Integer getPaymentsChecked() { return paymentsChecked; }
    public void setPaymentsChecked(Integer paymentsChecked) { this.paymentsChecked = paymentsChecked; }
    public Long getGatewayNet() { return gatewayNet; }
    public void setGatewayNet(Long gatewayNet) { this.gatewayNet = gatewayNet; }
    public Long getBookedNet() { return bookedNet; }
    public void setBookedNet(Long bookedNet) { this.bookedNet = bookedNet; }
    /** One line per difference: {@code <kind> <paymentIntentId> <details>}. */
    public List<String> getDifferences() { return differences; }
    public void setDifferences(List<String> differences) { this.differences = differences; }
    public String getRanAt() { return ranAt; }
    public void setRanAt(String ranAt) { this.ranAt = ranAt; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<ReconciliationReportItem> SCHEMA = ItemSchema.item(ReconciliationReportItem.class, ReconciliationReportItem::new)
            .text("day", ReconciliationReportItem::getDay, ReconciliationReportItem::setDay)
            .attribute(Integer.class, "chargesChecked", ReconciliationReportItem::getChargesChecked, ReconciliationReportItem::setChargesChecked)
            .attribute(Integer.class, "paymentsChecked", ReconciliationReportItem::getPaymentsChecked, ReconciliationReportItem::setPaymentsChecked)
            .attribute(Long.class, "gatewayNet", ReconciliationReportItem::getGatewayNet, ReconciliationReportItem::setGatewayNet)
            .attribute(Long.class, "bookedNet", ReconciliationReportItem::getBookedNet, ReconciliationReportItem::setBookedNet)
            .textList("differences", ReconciliationReportItem::getDifferences, ReconciliationReportItem::setDifferences)
            .text("ranAt", ReconciliationReportItem::getRanAt, ReconciliationReportItem::setRanAt)
            .build();
}
