package app.domus.meters.readings;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * What the checks of a meter's next reading need, kept beside the meter: pk {@code METER#<meterId>}, sk {@code STATE}.
 * The newest reading, the first reading of the current day (for the day's aggregate, written once the day is over), the
 * meter's usual rate of consumption (an exponentially weighted mean per hour), how many readings in a row showed the
 * same value (a stuck register), and the hour the device was last heard (its silence index is rewritten only when that
 * hour changes). One item read and written per reading, so that checking a reading costs no query of its history.
 */
public class MeterStateItem extends TableItem {
    public static final String SK = "STATE";

    private String meterId;
    private String lastValue;
    private Long lastAtMs;
    private String dayDate;
    private String dayFirstValue;
    private Double ratePerHour;
    private Integer samples;
    private Integer sameValueCount;
    private Long heartbeatHourMs;

    public static String pk(String meterId) { return "METER#" + meterId; }

    public static MeterStateItem fresh(String meterId) {
        MeterStateItem state = new MeterStateItem();
        state.setPk(pk(meterId));
        state.setSk(SK);
        state.setMeterId(meterId);
        state.setSamples(0);
        state.setSameValueCount(0);
        return state;
    }

    public String getMeterId() { return meterId; }
    public void setMeterId(String meterId) { this.meterId = meterId; }
    public String getLastValue() { return lastValue; }
    public void setLastValue(String lastValue) { this.lastValue = lastValue; }
    public Long getLastAtMs() { return lastAtMs; }
    public void setLastAtMs(Long lastAtMs) { this.lastAtMs = lastAtMs; }
    public String getDayDate() { return dayDate; }
    public void setDayDate(String dayDate) { this.dayDate = dayDate; }
    public String getDayFirstValue() { return dayFirstValue; }
    public void setDayFirstValue(String dayFirstValue) { this.dayFirstValue = dayFirstValue; }
    public Double getRatePerHour() { return ratePerHour; }
    public void setRatePerHour(Double ratePerHour) { this.ratePerHour = ratePerHour; }
    public Integer getSamples() { return samples; }
    public void setSamples(Integer samples) { this.samples = samples; }
    public Integer getSameValueCount() { return sameValueCount; }
    public void setSameValueCount(Integer sameValueCount) { this.sameValueCount = sameValueCount; }
    public Long getHeartbeatHourMs() { return heartbeatHourMs; }
    public void setHeartbeatHourMs(Long heartbeatHourMs) { this.heartbeatHourMs = heartbeatHourMs; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<MeterStateItem> SCHEMA = ItemSchema.item(MeterStateItem.class, MeterStateItem::new)
            .text("meterId", MeterStateItem::getMeterId, MeterStateItem::setMeterId)
            .text("lastValue", MeterStateItem::getLastValue, MeterStateItem::setLastValue)
            .attribute(Long.class, "lastAtMs", MeterStateItem::getLastAtMs, MeterStateItem::setLastAtMs)
            .text("dayDate", MeterStateItem::getDayDate, MeterStateItem::setDayDate)
            .text("dayFirstValue", MeterStateItem::getDayFirstValue, MeterStateItem::setDayFirstValue)
            .attribute(Double.class, "ratePerHour", MeterStateItem::getRatePerHour, MeterStateItem::setRatePerHour)
            .attribute(Integer.class, "samples", MeterStateItem::getSamples, MeterStateItem::setSamples)
            .attribute(Integer.class, "sameValueCount", MeterStateItem::getSameValueCount, MeterStateItem::setSameValueCount)
            .attribute(Long.class, "heartbeatHourMs", MeterStateItem::getHeartbeatHourMs, MeterStateItem::setHeartbeatHourMs)
            .build();
}
