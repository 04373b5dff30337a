package app.domus.meters.readings;

import app.domus.meters.MeterAccess;
import app.domus.meters.registry.MeterItem;
import app.domus.shared.auth.Caller;
import app.domus.shared.http.ApiException;
import app.domus.shared.persistence.Cursor;
import app.domus.shared.persistence.DomusTable;
import app.domus.shared.persistence.Page;
import app.domus.shared.persistence.TableItem;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;

/** Reads of readings: a meter's readings by time, its consumption per day or month, a building's flagged readings and anomalies. */
@Singleton
public class ReadingQueries {
    static final int MAX_DAYS = 62;
    static final int MAX_MONTHS = 24;

    private final DomusTable table;
    private final MeterAccess access;

    @Inject
    public ReadingQueries(DomusTable table, MeterAccess access) {
        this.table = table;
        this.access = access;
    }

    /** A meter's readings, newest first, optionally between two instants. */
    public Page<ReadingItem> readings(Caller caller, String meterId, Instant from, Instant to, int limit, String cursor) {
        access.meter(caller, meterId, MeterAccess.Need.READ);
        String pk = ReadingItem.pk(meterId);
        String low = ReadingItem.sk(from == null ? 0 : from.toEpochMilli());
        String high = ReadingItem.sk(to == null ? 9_999_999_999_999L : to.toEpochMilli());
        QueryEnhancedRequest request = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.sortBetween(Key.builder().partitionValue(pk).sortValue(low).build(),
                        Key.builder().partitionValue(pk).sortValue(high).build()))
                .scanIndexForward(false).limit(limit).exclusiveStartKey(Cursor.decode(cursor, "pk", pk)).build();
        var page = table.of(ReadingItem.class).query(request).iterator().next();
        return new Page<>(page.items(), Cursor.encode(page.lastEvaluatedKey()));
    }

    /** Consumption in one period: the register at its end minus the register at its start (null where either is unknown). */
    public record Period(String period, String from, String to, BigDecimal consumption, BigDecimal startValue, BigDecimal endValue) {}

    public List<Period> consumption(Caller caller, String meterId, String granularity, LocalDate from, LocalDate to) {
        MeterItem meter = access.meter(caller, meterId, MeterAccess.Need.READ);
        boolean monthly = "month".equals(granularity);
        if (!monthly && !"day".equals(granularity)) throw ApiException.validation("granularity", "must be day or month");
        if (to.isBefore(from)) throw ApiException.validation("to", "must not be before from");
        LocalDate start = monthly ? from.withDayOfMonth(1) : from;
        List<LocalDate> bounds = new ArrayList<>();
        for (LocalDate d = start; !d.isAfter(to); d = monthly ? d.plusMonths(1) : d.plusDays(1)) {
            bounds.add(d);
            if (bounds.size() > (monthly ? MAX_MONTHS : MAX_DAYS)) {
                throw ApiException.validation("to", "at most " + (monthly ? MAX_MONTHS + " months" : MAX_DAYS + " days") + " at a time");
            }
        }
        bounds.add(monthly ? bounds.get(bounds.size() - 1).plusMonths(1) : bounds.get(bounds.size() - 1).plusDays(1));
        BigDecimal multiplier = meter.getMultiplier() == null ? BigDecimal.ONE : new BigDecimal(meter.getMultiplier());
        List<Optional<BigDecimal>> values = bounds.stream().map(d -> valueAt(meter, d)).toList();
        List<Period> periods = new ArrayList<>();
        for (int i = 0; i + 1 < bounds.size(); i++) {
            BigDecimal a = values.get(i).orElse(null), b = values.get(i + 1).orElse(null);
            BigDecimal used = a == null || b == null || b.compareTo(a) < 0 ? null : b.subtract(a).multiply(multiplier);
            String label = monthly ? bounds.get(i).toString().substring(0, 7) : bounds.get(i).toString();
            periods.add(new Period(label, bounds.get(i).toString(), bounds.get(i + 1).toString(), used, a, b));
        }
        return periods;
    }

    /** The register at the start of {@code day} (UTC): the last reading before it, or the kept day before it. */
    private Optional<BigDecimal> valueAt(MeterItem meter, LocalDate day) {
        long at = day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        String pk = ReadingItem.pk(meter.getId());
        QueryEnhancedRequest latest = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.sortLessThan(Key.builder().partitionValue(pk).sortValue(ReadingItem.sk(at)).build()))
                .scanIndexForward(false).limit(5).build();
        for (ReadingItem r : table.of(ReadingItem.class).query(latest).iterator().next().items()) {
            if (!ReadingItem.FLAGGED.equals(r.getStatus())) return Optional.of(new BigDecimal(r.effectiveValue()));
        }
        // Raw readings expire; the kept day before gives its last value.
        QueryEnhancedRequest kept = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.sortBetween(Key.builder().partitionValue(pk).sortValue(DayItem.SK_PREFIX).build(),
                        Key.builder().partitionValue(pk).sortValue(DayItem.sk(day.minusDays(1).toString())).build()))
                .scanIndexForward(false).limit(1).build();
        var days = table.of(DayItem.class).query(kept).iterator().next().items();
        if (!days.isEmpty()) return Optional.of(new BigDecimal(days.get(0).getLastValue()));
        if (!day.isAfter(LocalDate.parse(meter.getInstalledOn())) && meter.getStartReading() != null) {
            return day.equals(LocalDate.parse(meter.getInstalledOn())) ? Optional.of(new BigDecimal(meter.getStartReading())) : Optional.empty();
        }
        return Optional.empty();
    }

    /** The building's flagged readings awaiting review, oldest first. */
    public Page<ReadingItem> flagged(Caller caller, String buildingId, int limit, String cursor) {
        access.managedBuilding(caller, buildingId);
        return table.indexPage(ReadingItem.class, TableItem.GSI1, ReadingItem.flaggedIn(buildingId), null, limit, cursor);
    }

    /** The building's anomalies, newest first. */
    public Page<AnomalyItem> anomalies(Caller caller, String buildingId, int limit, String cursor) {
        access.managedBuilding(caller, buildingId);
        String pk = AnomalyItem.pk(buildingId);
        QueryEnhancedRequest request = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(pk).build()))
                .scanIndexForward(false).limit(limit).exclusiveStartKey(Cursor.decode(cursor, "pk", pk)).build();
        var page = table.of(AnomalyItem.class).query(request).iterator().next();
        return new Page<>(page.items(), Cursor.encode(page.lastEvaluatedKey()));
    }
}
