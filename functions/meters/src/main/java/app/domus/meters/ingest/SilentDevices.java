package app.domus.meters.ingest;

import app.domus.meters.MeterEvents;
import app.domus.meters.readings.AnomalyItem;
import app.domus.meters.readings.DeviceSeenItem;
import app.domus.meters.registry.DeviceItem;
import app.domus.shared.config.Env;
import app.domus.shared.events.Outbox;
import app.domus.shared.ids.Ids;
import app.domus.shared.persistence.DomusTable;
import app.domus.shared.persistence.TableItem;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Devices gone silent: those not heard for {@code SILENT_AFTER_MINUTES} (default 120, eight missed quarter-hours), read
 * from the sixteen shards of the "seen" index in key order (oldest first), each reported once as a {@code silent}
 * anomaly with its event until it is heard again (ingestion then writes a fresh "seen" mark). Revoked devices are passed
 * over. A run reports at most {@link #PER_SHARD} per shard; the next run goes on.
 */
@Singleton
public class SilentDevices {
    static final int PER_SHARD = 200;

    private final DomusTable table;
    private final Outbox outbox;
    private final Clock clock;
    private final Duration silentAfter;

    @Inject
    public SilentDevices(DomusTable table, Outbox outbox, Clock clock) {
        this.table = table;
        this.outbox = outbox;
        this.clock = clock;
        this.silentAfter = Duration.ofMinutes(Env.intOrDefault("SILENT_AFTER_MINUTES", 120));
    }

    /** Reports the devices silent now; gives how many were reported. */
    public int report() {
        Instant now = clock.instant();
        long threshold = now.minus(silentAfter).toEpochMilli();
        int reported = 0;
        for (int shard = 0; shard < DeviceItem.SEEN_SHARDS; shard++) {
            String pk = DeviceItem.seenShard(shard);
            QueryEnhancedRequest query = QueryEnhancedRequest.builder()
                    .queryConditional(QueryConditional.sortLessThan(Key.builder().partitionValue(pk).sortValue(DeviceItem.seenKey(threshold, "")).build()))
                    .filterExpression(Expression.builder().expression("attribute_not_exists(silentReportedAt)").build())
                    .limit(PER_SHARD).build();
            for (DeviceSeenItem seen : table.of(DeviceSeenItem.class).index(TableItem.GSI2).query(query).iterator().next().items()) {
                DeviceItem device = table.get(DeviceItem.class, DeviceItem.pk(seen.getDeviceId()), DeviceItem.SK).orElse(null);
                if (device == null || !device.isActive()) continue;
                if (report(seen, device, now)) reported++;
            }
        }
        return reported;
    }

    private boolean report(DeviceSeenItem seen, DeviceItem device, Instant now) {
        long lastHeardHour = seen.getHourMs();
        AnomalyItem anomaly = new AnomalyItem();
        anomaly.setPk(AnomalyItem.pk(device.getBuildingId()));
        anomaly.setSk(AnomalyItem.sk(lastHeardHour, device.getMeterId(), "silent"));
        anomaly.setId(Ids.derived(lastHeardHour, "anomaly:silent:" + device.getId() + ":" + lastHeardHour));
        anomaly.setBuildingId(device.getBuildingId());
        anomaly.setOrganisationId(device.getOrganisationId());
        String unitId = table.get(app.domus.meters.registry.MeterItem.class, app.domus.meters.registry.MeterItem.pk(device.getMeterId()),
                app.domus.meters.registry.MeterItem.SK).map(app.domus.meters.registry.MeterItem::getUnitId).orElse(null);
        anomaly.setUnitId(unitId);
        anomaly.setMeterId(device.getMeterId());
        anomaly.setDeviceId(device.getId());
        anomaly.setKind("silent");
        anomaly.setDetail("no reading since " + Instant.ofEpochMilli(lastHeardHour) + " (hour last heard)");
        anomaly.setReadAt(Instant.ofEpochMilli(lastHeardHour).toString());
        anomaly.setDetectedAt(now.toString());
        seen.setSilentReportedAt(now.toString());
        // Only while the mark is the one read: a reading that arrived meanwhile wrote a fresh mark, and the device is not silent.
        Expression unchanged = Expression.builder().expression("hourMs = :hour AND attribute_not_exists(silentReportedAt)")
                .putExpressionValue(":hour", AttributeValue.fromN(String.valueOf(lastHeardHour))).build();
        var transaction = TransactWriteItemsEnhancedRequest.builder()
                .addPutItem(table.of(DeviceSeenItem.class), TransactPutItemEnhancedRequest.builder(DeviceSeenItem.class).item(seen).conditionExpression(unchanged).build())
                .addPutItem(table.of(AnomalyItem.class), anomaly);
        outbox.add(transaction, MeterEvents.ANOMALY_DETECTED, device.getOrganisationId(), device.getMeterId(),
                new MeterEvents.AnomalyDetected(anomaly.getId(), device.getMeterId(), device.getId(), device.getOrganisationId(),
                        device.getBuildingId(), unitId, "silent", null, anomaly.getDetail(), anomaly.getReadAt()));
        try {
            table.client().transactWriteItems(transaction.build());
            return true;
        } catch (TransactionCanceledException e) {
            return false;
        }
    }
}
