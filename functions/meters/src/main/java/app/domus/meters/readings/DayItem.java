package app.domus.meters.readings;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * A meter's day, kept when its raw readings expire: pk {@code READINGS#<meterId>}, sk {@code DAY#<yyyy-MM-dd>} (after
 * every reading's 13-digit key in the partition's order). Written once, when the first reading of the next day arrives.
 */
public class DayItem extends TableItem {
    public static final String SK_PREFIX = "DAY#";

    private String meterId;
    private String date;
    private String firstValue;
    private String lastValue;
    private String consumption;

    public static String sk(String date) { return SK_PREFIX + date; }

    public String getMeterId() { return meterId; }
    public void setMeterId(String meterId) { this.meterId = meterId; }
    public String getDate() { return date; }
    public void setDate(String date) { this.date = date; }
    public String getFirstValue() { return firstValue; }
    public void setFirstValue(String firstValue) { this.firstValue = firstValue; }
    public String getLastValue() { return lastValue; }
    public void setLastValue(String lastValue) { this.lastValue = lastValue; }
    public String getConsumption() { return consumption; }
    public void setConsumption(String consumption) { this.consumption = consumption; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<DayItem> SCHEMA = ItemSchema.item(DayItem.class, DayItem::new)
            .text("meterId", DayItem::getMeterId, DayItem::setMeterId)
            .text("date", DayItem::getDate, DayItem::setDate)
            .text("firstValue", DayItem::getFirstValue, DayItem::setFirstValue)
            .text("lastValue", DayItem::getLastValue, DayItem::setLastValue)
            .text("consumption", DayItem::getConsumption, DayItem::setConsumption)
            .build();
}
