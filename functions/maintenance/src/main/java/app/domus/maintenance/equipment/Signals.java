package app.domus.maintenance.equipment;

import app.domus.maintenance.model.EquipmentType;
import app.domus.maintenance.model.Features;
import app.domus.shared.persistence.DomusTable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The context's projection of the faults and meters contexts' events (a building's faults by category, its meters'
 * anomalies), and the features of a piece of equipment computed from it, its maintenance records and its dates.
 */
public class Signals {
    static final Duration KEEP = Duration.ofDays(730);

    private final DomusTable table;
    private final Clock clock;

    public Signals(DomusTable table, Clock clock) {
        this.table = table;
        this.clock = clock;
    }

    /**
     * The platform's own labelled history: each piece of equipment as it was {@code horizon} ago, labelled by whether a
     * fault of its category was reported since (equipment younger than that teaches nothing yet).
     */
    public static java.util.Optional<app.domus.maintenance.model.Example> labelled(EquipmentItem equipment, List<MaintenanceRecordItem> records,
            List<SignalItem> signals, Instant now, Duration horizon) {
        Instant then = now.minus(horizon);
        if (LocalDate.parse(equipment.getInstalledOn()).isAfter(LocalDate.ofInstant(then, ZoneOffset.UTC))) return java.util.Optional.empty();
        EquipmentType type = EquipmentType.fromWire(equipment.getType());
        boolean failed = signals.stream().anyMatch(s -> SignalItem.FAULT.equals(s.getKind()) && type.faultCategory().equals(s.getCategory())
                && Instant.parse(s.getOccurredAt()).isAfter(then) && !Instant.parse(s.getOccurredAt()).isAfter(now));
        return java.util.Optional.of(new app.domus.maintenance.model.Example(type, features(equipment, records, signals, then), failed));
    }

    /** A fault reported in a building; the same fault again writes the same item. */
    public void fault(String buildingId, String faultId, String category, Instant at) {
        put(buildingId, SignalItem.FAULT, faultId, category == null ? "other" : category, at);
    }

    /** A meter anomaly in a building. */
    public void anomaly(String buildingId, String anomalyId, String kind, Instant at) {
        put(buildingId, SignalItem.ANOMALY, anomalyId, kind, at);
    }

    private void put(String buildingId, String kind, String sourceId, String category, Instant at) {
        SignalItem item = new SignalItem();
        item.setPk(SignalItem.pk(buildingId));
        item.setSk(kind + "#" + sourceId);
        item.setKind(kind);
        item.setCategory(category);
        item.setOccurredAt(at.toString());
        item.setSourceId(sourceId);
        item.setTtl(at.plus(KEEP).getEpochSecond());
        // Once per source event: a redelivered one finds its item.
        if (table.get(SignalItem.class, item.getPk(), item.getSk()).isEmpty()) table.of(SignalItem.class).putItem(item);
    }

    public List<SignalItem> of(String buildingId) {
        List<SignalItem> all = new java.util.ArrayList<>(table.all(SignalItem.class, SignalItem.pk(buildingId), SignalItem.FAULT + "#"));
        all.addAll(table.all(SignalItem.class, SignalItem.pk(buildingId), SignalItem.ANOMALY + "#"));
        return all;
    }

    /** The features of one piece of equipment today, from its building's signals and its maintenance records. */
    public Features features(EquipmentItem equipment, List<MaintenanceRecordItem> records, List<SignalItem> signals) {
        return features(equipment, records, signals, clock.instant());
    }

    /** The features as they were at {@code now}: what happened later is not seen. */
    public static Features features(EquipmentItem equipment, List<MaintenanceRecordItem> records, List<SignalItem> signals, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        EquipmentType type = EquipmentType.fromWire(equipment.getType());
        double ageYears = Math.max(0, days(LocalDate.parse(equipment.getInstalledOn()), today) / 365.25);
        int faults90 = 0, faults365 = 0, anomalies90 = 0;
        double sinceFault = Features.NEVER;
        for (SignalItem s : signals) {
            double ago = Duration.between(Instant.parse(s.getOccurredAt()), now).toMinutes() / 1440.0;
            if (ago < 0) continue;
            if (SignalItem.FAULT.equals(s.getKind()) && type.faultCategory().equals(s.getCategory())) {
                if (ago <= 90) faults90++;
                if (ago <= 365) faults365++;
                sinceFault = Math.min(sinceFault, ago);
            } else if (SignalItem.ANOMALY.equals(s.getKind()) && ago <= 90) {
                anomalies90++;
            }
        }
        // The latest service known on that day: the equipment's own date, or a service record.
        String serviced = null;
        List<String> services = new java.util.ArrayList<>();
        if (equipment.getLastServicedOn() != null) services.add(equipment.getLastServicedOn());
        for (MaintenanceRecordItem r : records) if ("service".equals(r.getKind())) services.add(r.getPerformedOn());
        for (String day : services) {
            if (day.compareTo(today.toString()) <= 0 && (serviced == null || day.compareTo(serviced) > 0)) serviced = day;
        }
        double sinceService = serviced == null ? Features.NEVER : days(LocalDate.parse(serviced), today);
        return new Features(round(ageYears), round(ageYears / type.lifeYears()), faults90, faults365, round(sinceFault),
                anomalies90, round(Math.min(sinceService, Features.NEVER)));
    }

    private static double days(LocalDate from, LocalDate to) {
        return to.toEpochDay() - from.toEpochDay();
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
