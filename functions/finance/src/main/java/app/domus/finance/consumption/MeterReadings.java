package app.domus.finance.consumption;

import app.domus.shared.persistence.DomusTable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Keeps {@link MeterReadingItem} from the meters context's events, whatever their order: a reading newer than the one
 * kept replaces it; news of the same reading (flagged, an anomaly, a correction) changes its status; an older one is
 * passed over, but for a correction of the baseline. Safe to apply twice.
 */
@Singleton
public class MeterReadings {
    static final int ATTEMPTS = 5;

    /**
     * What the five events carry, in one shape: {@code MeterReadingReceived} (deviceId), {@code MeterReadingSubmitted}
     * (photoKey), {@code MeterReadingFlagged} (reasons), {@code MeterReadingCorrected} (correctedBy, previousValue;
     * no readAt, which its reading id ends with) and {@code MeterAnomalyDetected} (kind).
     */
    public record News(String readingId, String meterId, String organisationId, String buildingId, String unitId, String value,
                       String readAt, String meterType, String unitOfMeasure, String deviceId, String photoKey, List<String> reasons,
                       String correctedBy, String previousValue, String kind) {
        String status() {
            if (correctedBy != null) return MeterReadingItem.CORRECTED;
            if (reasons != null || kind != null) return MeterReadingItem.FLAGGED;
            return photoKey != null ? MeterReadingItem.BY_HAND : MeterReadingItem.READ;
        }

        List<String> flags() {
            List<String> flags = new ArrayList<>();
            if (reasons != null) flags.addAll(reasons);
            if (kind != null) flags.add(kind);
            return flags;
        }

        /** When the reading was taken: its readAt, or what its id ({@code <meterId>-<epoch ms>}) ends with. */
        Instant takenAt() {
            if (readAt != null) return Instant.parse(readAt);
            if (readingId == null || readingId.lastIndexOf('-') < 0) return null;
            try {
                return Instant.ofEpochMilli(Long.parseLong(readingId.substring(readingId.lastIndexOf('-') + 1)));
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    private final DomusTable table;
    private final Clock clock;

    @Inject
    public MeterReadings(DomusTable table, Clock clock) {
        this.table = table;
        this.clock = clock;
    }

    public void apply(News news) {
        Instant at = news.takenAt();
        // A silent device's anomaly names no reading: nothing to keep.
        if (news.meterId() == null || news.value() == null || at == null) return;
        for (int attempt = 1; ; attempt++) {
            MeterReadingItem kept = load(news.meterId());
            MeterReadingItem next = kept == null ? first(news, at) : merged(kept, news, at);
            if (next == null) return;
            next.setUpdatedAt(clock.instant().toString());
            try {
                if (kept == null) table.of(MeterReadingItem.class).putItem(next);
                else table.of(MeterReadingItem.class).updateItem(next);
                return;
            } catch (ConditionalCheckFailedException e) {
                if (attempt >= ATTEMPTS) throw e;
            }
        }
    }

    public MeterReadingItem load(String meterId) {
        Key key = Key.builder().partitionValue(MeterReadingItem.pk(meterId)).sortValue(MeterReadingItem.SK).build();
        return table.of(MeterReadingItem.class).getItem(GetItemEnhancedRequest.builder().key(key).consistentRead(true).build());
    }

    private static MeterReadingItem first(News news, Instant at) {
        MeterReadingItem item = new MeterReadingItem();
        item.setPk(MeterReadingItem.pk(news.meterId()));
        item.setSk(MeterReadingItem.SK);
        item.setMeterId(news.meterId());
        item.setOrganisationId(news.organisationId());
        item.setBuildingId(news.buildingId());
        item.setUnitId(news.unitId());
        describe(item, news);
        latest(item, news, at);
        item.setBaselineReadingId(news.readingId());
        item.setBaselineValue(news.value());
        item.setBaselineReadAt(at.toString());
        return item;
    }

    /** The item with the news in it, or null when the news changes nothing. */
    private static MeterReadingItem merged(MeterReadingItem item, News news, Instant at) {
        boolean described = describe(item, news);
        int order = at.compareTo(Instant.parse(item.getReadAt()));
        if (order > 0) {
            latest(item, news, at);
        } else if (order == 0) {
            String status = news.status();
            if (status.equals(MeterReadingItem.CORRECTED)) {
                item.setValue(news.value());
                item.setStatus(MeterReadingItem.CORRECTED);
                item.setFlags(null);
            } else if (status.equals(MeterReadingItem.FLAGGED) && !MeterReadingItem.CORRECTED.equals(item.getStatus())) {
                LinkedHashSet<String> flags = new LinkedHashSet<>(item.getFlags() == null ? List.of() : item.getFlags());
                flags.addAll(news.flags());
                item.setStatus(MeterReadingItem.FLAGGED);
                item.setFlags(List.copyOf(flags));
            } else {
                return described ? item : null;
            }
        } else if (news.status().equals(MeterReadingItem.CORRECTED) && at.toString().equals(item.getBaselineReadAt())) {
            item.setBaselineValue(news.value());
        } else {
            return described ? item : null;
        }
        return item;
    }

    private static void latest(MeterReadingItem item, News news, Instant at) {
        item.setReadingId(news.readingId());
        item.setValue(news.value());
        item.setReadAt(at.toString());
        item.setStatus(news.status());
        List<String> flags = news.flags();
        item.setFlags(flags.isEmpty() ? null : flags);
    }

    /** The meter's type and unit, from the first event that names them (older events did not); true when that changed them. */
    private static boolean describe(MeterReadingItem item, News news) {
        boolean changed = news.meterType() != null && !news.meterType().equals(item.getMeterType());
        if (news.meterType() != null) item.setMeterType(news.meterType());
        if (news.unitOfMeasure() != null) item.setUnitOfMeasure(news.unitOfMeasure());
        if (item.getUnitId() == null && news.unitId() != null) item.setUnitId(news.unitId());
        String type = item.getMeterType() == null ? "UNKNOWN" : item.getMeterType();
        if (item.getUnitId() != null) {
            item.setGsi1pk(MeterReadingItem.byUnit(item.getUnitId()));
            item.setGsi1sk(type + "#" + item.getMeterId());
        }
        if (item.getBuildingId() == null) item.setBuildingId(news.buildingId());
        if (item.getBuildingId() != null) {
            item.setGsi2pk(MeterReadingItem.byBuilding(item.getBuildingId()));
            item.setGsi2sk(type + "#" + item.getMeterId());
        }
        return changed;
    }
}
