package app.domus.finance.consumption;

import app.domus.finance.invoices.InvoiceRequests;
import app.domus.shared.persistence.DomusTable;
import app.domus.shared.persistence.TableItem;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;

/**
 * A unit's metered use for its invoice: per meter of the unit with a tariff for its type, the latest reading less the
 * one last billed (or, before any billing, the first reading finance heard of), times the tariff; its description names
 * both readings with their values and dates, and says when the latest is flagged, read by hand or corrected, so that no
 * such reading is billed silently. The quantity keeps at most three decimals (half to even); a meter whose register
 * shows no more than the reading billed gets no line. The move of each meter's billed reading goes in the invoice's
 * transaction, at the version read, so the same use is never billed twice.
 */
@Singleton
public class Consumption {
    static final int QUANTITY_DECIMALS = 3;

    /** A meter's line and the billed reading it moves to. */
    public record Metered(MeterReadingItem meter, BilledReadingItem billed, InvoiceRequests.Item item, BilledReadingItem next) {}

    private final DomusTable table;
    private final Clock clock;

    @Inject
    public Consumption(DomusTable table, Clock clock) {
        this.table = table;
        this.clock = clock;
    }

    /** The building's meters (of units, with a known type), for checking a run's tariffs before it starts. */
    public List<MeterReadingItem> ofBuilding(String buildingId) {
        return table.allInIndex(MeterReadingItem.class, TableItem.GSI2, MeterReadingItem.byBuilding(buildingId)).stream()
                .filter(m -> m.getUnitId() != null && m.getMeterType() != null).toList();
    }

    public List<Metered> ofUnit(String unitId, List<Tariff> tariffs, String runId, String invoiceId) {
        Map<String, Tariff> byType = tariffs.stream().collect(Collectors.toMap(Tariff::getMeterType, Function.identity()));
        List<Metered> lines = new ArrayList<>();
        for (MeterReadingItem listed : table.allInIndex(MeterReadingItem.class, TableItem.GSI1, MeterReadingItem.byUnit(unitId))) {
            Tariff tariff = listed.getMeterType() == null ? null : byType.get(listed.getMeterType());
            if (tariff == null) continue;
            MeterReadingItem meter = consistent(MeterReadingItem.class, listed.getMeterId(), MeterReadingItem.SK);
            BilledReadingItem billed = consistent(BilledReadingItem.class, listed.getMeterId(), BilledReadingItem.SK);
            String fromValue = billed != null ? billed.getValue() : meter.getBaselineValue();
            String fromAt = billed != null ? billed.getReadAt() : meter.getBaselineReadAt();
            BigDecimal used = new BigDecimal(meter.getValue()).subtract(new BigDecimal(fromValue)).setScale(QUANTITY_DECIMALS, RoundingMode.HALF_EVEN);
            if (used.signum() <= 0) continue;
            InvoiceRequests.Item item = new InvoiceRequests.Item(description(meter, used, fromValue, fromAt), used.stripTrailingZeros(),
                    BigDecimal.valueOf(tariff.getUnitPrice()), new BigDecimal(tariff.getVatRate()));
            BilledReadingItem next = new BilledReadingItem();
            next.setPk(MeterReadingItem.pk(meter.getMeterId()));
            next.setSk(BilledReadingItem.SK);
            next.setMeterId(meter.getMeterId());
            next.setReadingId(meter.getReadingId());
            next.setValue(meter.getValue());
            next.setReadAt(meter.getReadAt());
            next.setRunId(runId);
            next.setInvoiceId(invoiceId);
            next.setBilledAt(clock.instant().toString());
            next.setVersion(billed == null ? null : billed.getVersion());
            lines.add(new Metered(meter, billed, item, next));
        }
        return lines;
    }

    /** The billed readings' moves, for the invoice's transaction: put where none was billed, else at the version read. */
    public void addMoves(TransactWriteItemsEnhancedRequest.Builder transaction, List<Metered> lines) {
        for (Metered line : lines) {
            if (line.billed() == null) transaction.addPutItem(table.of(BilledReadingItem.class), line.next());
            else transaction.addUpdateItem(table.of(BilledReadingItem.class), line.next());
        }
    }

    static String description(MeterReadingItem meter, BigDecimal used, String fromValue, String fromAt) {
        String type = meter.getMeterType().replace('_', ' ');
        String unit = meter.getUnitOfMeasure() == null ? "" : " " + meter.getUnitOfMeasure();
        String id = meter.getMeterId();
        String text = Character.toUpperCase(type.charAt(0)) + type.substring(1) + ", meter " + id.substring(Math.max(0, id.length() - 6))
                + ": " + used.stripTrailingZeros().toPlainString() + unit + ", from " + fromValue + " on " + fromAt.substring(0, 10)
                + " to " + meter.getValue() + " on " + meter.getReadAt().substring(0, 10);
        return text + switch (meter.getStatus()) {
            case MeterReadingItem.FLAGGED -> " (that reading is FLAGGED" + (meter.getFlags() == null || meter.getFlags().isEmpty() ? ""
                    : ": " + String.join(", ", meter.getFlags()).toLowerCase(Locale.ROOT)) + "; not yet confirmed)";
            case MeterReadingItem.BY_HAND -> " (read by hand)";
            case MeterReadingItem.CORRECTED -> " (corrected by the building's manager)";
            default -> "";
        };
    }

    private <T extends TableItem> T consistent(Class<T> type, String meterId, String sk) {
        Key key = Key.builder().partitionValue(MeterReadingItem.pk(meterId)).sortValue(sk).build();
        return table.of(type).getItem(GetItemEnhancedRequest.builder().key(key).consistentRead(true).build());
    }
}
