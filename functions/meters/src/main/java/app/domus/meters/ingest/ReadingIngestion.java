package app.domus.meters.ingest;

import app.domus.meters.MeterEvents;
import app.domus.meters.readings.AnomalyItem;
import app.domus.meters.readings.DayItem;
import app.domus.meters.readings.DeviceSeenItem;
import app.domus.meters.readings.MeterStateItem;
import app.domus.meters.readings.ReadingChecks;
import app.domus.meters.readings.ReadingItem;
import app.domus.meters.registry.DeviceItem;
import app.domus.meters.registry.DeviceService;
import app.domus.meters.registry.MeterItem;
import app.domus.shared.config.Env;
import app.domus.shared.events.NewEvent;
import app.domus.shared.events.Outbox;
import app.domus.shared.events.OutboxItem;
import app.domus.shared.ids.Ids;
import app.domus.shared.persistence.DomusTable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Stores a batch of device readings: each is checked against its device (registered, active, on its own topic), its
 * meter (active) and the meter's kept state (plausibility, anomalies), then every reading, its {@code
 * MeterReadingReceived} event (an outbox item), the anomalies and their events, the meters' states, finished days and
 * the devices' hourly "seen" marks are written with BatchWriteItem. A reading already stored with its event is a
 * duplicate (a device resending, or SQS delivering twice) and is dropped; one stored without its event (a crash between
 * the two) gets its event written now. Event ids derive from the reading, so a second write is the same item.
 *
 * <p>Cost per reading: a read of its key and of its meter's state (the event's key is read only for a reading already
 * stored), device reads only when the cache has expired, three small puts (reading, event, state);
 * a day item once a day and a "seen" mark once an hour per meter (see shared/TABLE_DESIGN.md).
 */
@Singleton
public class ReadingIngestion {
    /** How far ahead of the clock a device's timestamp may be (clock drift), and how old a reading may still be. */
    static final Duration FUTURE_SLACK = Duration.ofMinutes(5);
    static final Duration OLDEST = Duration.ofDays(400);

    public enum Kind { STORED, DUPLICATE, REJECTED, RETRY }

    public record Message(String id, String body) {}

    public record Result(String messageId, Kind kind, String reason) {}

    private record Candidate(Message message, DeviceReading reading, DeviceItem device, MeterItem meter) {
        long atMs() { return reading.timestamp().toEpochMilli(); }
        String readingId() { return ReadingItem.id(meter.getId(), atMs()); }
    }

    private final DeviceDirectory directory;
    private final BatchStore store;
    private final Outbox outbox;
    private final Clock clock;
    private final long readingTtlSeconds;

    @Inject
    public ReadingIngestion(DeviceDirectory directory, BatchStore store, Outbox outbox, Clock clock) {
        this.directory = directory;
        this.store = store;
        this.outbox = outbox;
        this.clock = clock;
        this.readingTtlSeconds = Duration.ofDays(Env.intOrDefault("READING_TTL_DAYS", 400)).toSeconds();
    }

    public List<Result> ingest(List<Message> messages) {
        Map<String, Result> results = new LinkedHashMap<>();
        List<Candidate> candidates = admit(messages, results);

        // One read for every reading's key, its event's key and each meter's state.
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        Map<String, List<Candidate>> byMeter = new TreeMap<>();
        for (Candidate c : candidates) {
            keys.add(BatchStore.key(ReadingItem.pk(c.meter().getId()), ReadingItem.sk(c.atMs())));
            byMeter.computeIfAbsent(c.meter().getId(), m -> new ArrayList<>()).add(c);
        }
        byMeter.keySet().forEach(meterId -> keys.add(BatchStore.key(MeterStateItem.pk(meterId), MeterStateItem.SK)));
        Map<String, Map<String, AttributeValue>> found = new HashMap<>(keys.isEmpty() ? Map.of() : store.get(keys));
        // Only for readings already stored (a duplicate, or a redelivery after a crash): is their event stored too?
        List<Map<String, AttributeValue>> eventKeys = new ArrayList<>();
        for (Candidate c : candidates) {
            if (found.containsKey(BatchStore.keyOf(BatchStore.key(ReadingItem.pk(c.meter().getId()), ReadingItem.sk(c.atMs()))))) {
                eventKeys.add(BatchStore.key(OutboxItem.pk(c.meter().getId()), OutboxItem.SK_PREFIX + receivedEventId(c)));
            }
        }
        if (!eventKeys.isEmpty()) found.putAll(store.get(eventKeys));

        Writes writes = new Writes();
        long now = clock.millis();
        for (List<Candidate> group : byMeter.values()) {
            group.sort(Comparator.comparingLong(Candidate::atMs));
            MeterItem meter = group.get(0).meter();
            Map<String, AttributeValue> storedState = found.get(BatchStore.keyOf(BatchStore.key(MeterStateItem.pk(meter.getId()), MeterStateItem.SK)));
            MeterStateItem state = storedState != null ? MeterStateItem.SCHEMA.mapToItem(storedState) : MeterStateItem.fresh(meter.getId());
            Set<String> groupMessages = new LinkedHashSet<>();
            Set<String> written = new HashSet<>();
            boolean stateChanged = false;
            for (Candidate c : group) {
                String readingKey = BatchStore.keyOf(BatchStore.key(ReadingItem.pk(meter.getId()), ReadingItem.sk(c.atMs())));
                String eventKey = BatchStore.keyOf(BatchStore.key(OutboxItem.pk(meter.getId()), OutboxItem.SK_PREFIX + receivedEventId(c)));
                Map<String, AttributeValue> stored = found.get(readingKey);
                if (written.contains(readingKey) || (stored != null && found.containsKey(eventKey))) {
                    results.put(c.message().id(), new Result(c.message().id(), Kind.DUPLICATE, null));
                    continue;
                }
                written.add(readingKey);
                groupMessages.add(c.message().id());
                if (stored != null) {
                    // Stored before without its event: write the event of what was stored.
                    ReadingItem reading = ReadingItem.SCHEMA.mapToItem(stored);
                    writes.add(outboxItem(c, reading), c.message().id());
                } else {
                    stateChanged |= record(c, state, now, writes);
                }
                results.put(c.message().id(), new Result(c.message().id(), Kind.STORED, null));
            }
            if (stateChanged) for (String id : groupMessages) writes.add(MeterStateItem.SCHEMA.itemToMap(state, true), id);
        }

        for (String unstored : store.put(writes.items())) {
            for (String messageId : writes.owners(unstored)) {
                results.put(messageId, new Result(messageId, Kind.RETRY, "DynamoDB did not take every write"));
            }
        }
        return List.copyOf(results.values());
    }

    /** The readings that pass the checks of device, topic, time and meter; the others get their result here. */
    private List<Candidate> admit(List<Message> messages, Map<String, Result> results) {
        Map<Message, DeviceReading> parsed = new LinkedHashMap<>();
        for (Message message : messages) {
            try {
                parsed.put(message, DeviceReading.parse(message.body()));
            } catch (DeviceReading.Rejected e) {
                results.put(message.id(), new Result(message.id(), Kind.REJECTED, e.getMessage()));
            }
        }
        Map<String, DeviceItem> devices = directory.devices(parsed.values().stream().map(DeviceReading::deviceId).distinct().toList());
        Map<String, MeterItem> meters = directory.meters(devices.values().stream().map(DeviceItem::getMeterId).distinct().toList());
        Instant now = clock.instant();
        List<Candidate> admitted = new ArrayList<>();
        parsed.forEach((message, reading) -> {
            DeviceItem device = devices.get(reading.deviceId());
            MeterItem meter = device == null ? null : meters.get(device.getMeterId());
            String reason = device == null ? "unknown device"
                    : !device.isActive() ? "the device is revoked"
                    : reading.gatewayBuildingId() == null && !DeviceService.readingsTopic(device.getId()).equals(reading.topic()) ? "published on a topic that is not the device's own"
                    : reading.gatewayBuildingId() == null && !device.getId().equals(reading.clientId()) ? "published by another client than the device"
                    : reading.gatewayBuildingId() != null && !reading.gatewayBuildingId().equals(device.getBuildingId()) ? "the gateway is not in the device's building"
                    : reading.timestamp().isAfter(now.plus(FUTURE_SLACK)) ? "the timestamp is in the future"
                    : reading.timestamp().isBefore(now.minus(OLDEST)) ? "the timestamp is older than readings are kept"
                    : meter == null ? "the device's meter does not exist"
                    : !meter.isActive() ? "the device's meter is retired"
                    : null;
            if (reason != null) results.put(message.id(), new Result(message.id(), Kind.REJECTED, reason));
            else admitted.add(new Candidate(message, reading, device, meter));
        });
        return admitted;
    }

    /** The reading, its event, anomalies, a finished day and the device's hourly mark; whether the state moved. */
    private boolean record(Candidate c, MeterStateItem state, long now, Writes writes) {
        MeterItem meter = c.meter();
        ReadingChecks.Outcome outcome = ReadingChecks.check(meter, state, c.reading().value(), c.atMs(), meter.typeValue().spikeFactor());
        ReadingItem reading = new ReadingItem();
        reading.setPk(ReadingItem.pk(meter.getId()));
        reading.setSk(ReadingItem.sk(c.atMs()));
        reading.setId(c.readingId());
        reading.setMeterId(meter.getId());
        reading.setOrganisationId(meter.getOrganisationId());
        reading.setBuildingId(meter.getBuildingId());
        reading.setUnitId(meter.getUnitId());
        reading.setReadAt(c.reading().timestamp().toString());
        reading.setValue(c.reading().value().toPlainString());
        reading.setSource(ReadingItem.DEVICE);
        reading.setDeviceId(c.device().getId());
        reading.setStatus(outcome.flags().isEmpty() ? ReadingItem.ACCEPTED : ReadingItem.FLAGGED);
        if (!outcome.flags().isEmpty()) {
            reading.setFlags(outcome.flags());
            reading.setGsi1pk(ReadingItem.flaggedIn(meter.getBuildingId()));
            reading.setGsi1sk(ReadingItem.sk(c.atMs()) + "#" + meter.getId());
        }
        if (outcome.consumption() != null) reading.setConsumption(outcome.consumption().toPlainString());
        reading.setReceivedAt(Instant.ofEpochMilli(now).toString());
        reading.setTtl(c.reading().timestamp().getEpochSecond() + readingTtlSeconds);
        String id = c.message().id();
        writes.add(ReadingItem.SCHEMA.itemToMap(reading, true), id);
        writes.add(outboxItem(c, reading), id);
        for (String flag : outcome.flags()) {
            String kind = flag.equals(ReadingChecks.BELOW_PREVIOUS) ? "negative_consumption" : flag;
            AnomalyItem anomaly = new AnomalyItem();
            anomaly.setPk(AnomalyItem.pk(meter.getBuildingId()));
            anomaly.setSk(AnomalyItem.sk(c.atMs(), meter.getId(), kind));
            anomaly.setId(Ids.derived(c.atMs(), "anomaly:" + reading.getId() + ":" + kind));
            anomaly.setBuildingId(meter.getBuildingId());
            anomaly.setOrganisationId(meter.getOrganisationId());
            anomaly.setUnitId(meter.getUnitId());
            anomaly.setMeterId(meter.getId());
            anomaly.setDeviceId(c.device().getId());
            anomaly.setKind(kind);
            anomaly.setValue(reading.getValue());
            anomaly.setDetail(detail(kind, state, reading));
            anomaly.setReadAt(reading.getReadAt());
            anomaly.setDetectedAt(Instant.ofEpochMilli(now).toString());
            writes.add(AnomalyItem.SCHEMA.itemToMap(anomaly, true), id);
            NewEvent event = new NewEvent(MeterEvents.ANOMALY_DETECTED, meter.getOrganisationId(), meter.getId(),
                    new MeterEvents.AnomalyDetected(anomaly.getId(), meter.getId(), c.device().getId(), meter.getOrganisationId(),
                            meter.getBuildingId(), meter.getUnitId(), kind, reading.getValue(), anomaly.getDetail(), reading.getReadAt()));
            writes.add(outboxMap(outbox.item(anomaly.getId(), c.reading().timestamp(), event)), id);
        }
        DayItem day = outcome.finishedDay();
        if (day != null) writes.add(DayItem.SCHEMA.itemToMap(day, true), id);
        long hour = c.atMs() - Math.floorMod(c.atMs(), 3_600_000L);
        if (!outcome.late() && (state.getHeartbeatHourMs() == null || hour > state.getHeartbeatHourMs())) {
            state.setHeartbeatHourMs(hour);
            writes.add(DeviceSeenItem.SCHEMA.itemToMap(DeviceSeenItem.of(c.device(), hour), true), id);
        }
        return !outcome.late();
    }

    private static String detail(String kind, MeterStateItem state, ReadingItem reading) {
        return switch (kind) {
            case "negative_consumption" -> "the register went back from " + state.getLastValue() + " to " + reading.getValue();
            case ReadingChecks.SPIKE -> "consumption " + reading.getConsumption() + " is far above the meter's usual "
                    + String.format(java.util.Locale.ROOT, "%.3f", state.getRatePerHour() == null ? 0 : state.getRatePerHour()) + " per hour";
            case ReadingChecks.STUCK -> "the register has shown " + reading.getValue() + " for " + ReadingChecks.STUCK_AFTER + " readings";
            default -> kind;
        };
    }

    private Map<String, AttributeValue> outboxItem(Candidate c, ReadingItem reading) {
        MeterItem meter = c.meter();
        NewEvent event = new NewEvent(MeterEvents.READING_RECEIVED, meter.getOrganisationId(), meter.getId(),
                new MeterEvents.ReadingReceived(reading.getId(), meter.getId(), c.device().getId(), meter.getOrganisationId(),
                        meter.getBuildingId(), meter.getUnitId(), reading.getValue(), reading.getReadAt(), meter.typeValue().wire(),
                        meter.getUnitOfMeasure()));
        return outboxMap(outbox.item(receivedEventId(c), c.reading().timestamp(), event));
    }

    private static String receivedEventId(Candidate c) {
        return Ids.derived(c.atMs(), "received:" + c.readingId());
    }

    private static final TableSchema<OutboxItem> OUTBOX = DomusTable.schema(OutboxItem.class);

    private static Map<String, AttributeValue> outboxMap(OutboxItem item) {
        return OUTBOX.itemToMap(item, true);
    }

    /** The puts of a batch, and which messages each belongs to (a meter's state belongs to all of that meter's). */
    private static final class Writes {
        private final Map<String, Map<String, AttributeValue>> items = new LinkedHashMap<>();
        private final Map<String, Set<String>> owners = new HashMap<>();

        void add(Map<String, AttributeValue> item, String messageId) {
            String key = BatchStore.keyOf(item);
            items.put(key, item);
            owners.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(messageId);
        }

        List<Map<String, AttributeValue>> items() {
            return new ArrayList<>(items.values());
        }

        Set<String> owners(String key) {
            return owners.getOrDefault(key, Set.of());
        }
    }
}
