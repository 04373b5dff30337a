package app.domus.meters.periods;

import app.domus.meters.MeterAccess;
import app.domus.meters.People;
import app.domus.meters.readings.ReadingItem;
import app.domus.meters.registry.MeterItem;
import app.domus.meters.registry.MeterService;
import app.domus.shared.auth.Caller;
import app.domus.shared.directory.BuildingItem;
import app.domus.shared.http.ApiException;
import app.domus.shared.ids.Ids;
import app.domus.shared.notify.Category;
import app.domus.shared.notify.NotificationRequest;
import app.domus.shared.notify.NotificationSender;
import app.domus.shared.persistence.DomusTable;
import app.domus.shared.validation.Validated;
import app.domus.shared.validation.Validator;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;

/**
 * Reading periods: a building's managers open a window for residents' readings; the summary says, meter by meter, which
 * have a reading in the window and which not yet; a reminder goes to the owners and tenants of the units still missing
 * one (through the notifier, by their preferences), at most once a day per unit and period.
 */
@Singleton
public class ReadingPeriods {
    static final int LONGEST_DAYS = 62;

    private final DomusTable table;
    private final MeterAccess access;
    private final MeterService meters;
    private final People people;
    private final NotificationSender notifications;
    private final Clock clock;

    @Inject
    public ReadingPeriods(DomusTable table, MeterAccess access, MeterService meters, People people, NotificationSender notifications, Clock clock) {
        this.table = table;
        this.access = access;
        this.meters = meters;
        this.people = people;
        this.notifications = notifications;
        this.clock = clock;
    }

    public record CreatePeriod(String startsOn, String endsOn) implements Validated {
        @Override
        public void validate(Validator v) {
            if (v.required("startsOn", startsOn) && parse(startsOn) == null) v.error("startsOn", "must be a date such as 2026-12-01");
            if (v.required("endsOn", endsOn) && parse(endsOn) == null) v.error("endsOn", "must be a date such as 2026-12-15");
        }
    }

    public record MeterStatus(String meterId, String unitId, String place, String type, String serialNumber, boolean submitted,
                              String readingId, String readAt) {}

    public record Summary(String periodId, String startsOn, String endsOn, int meters, int submitted, List<MeterStatus> missing,
                          List<MeterStatus> done) {}

    public ReadingPeriodItem create(Caller caller, String buildingId, CreatePeriod request) {
        BuildingItem building = access.managedBuilding(caller, buildingId);
        LocalDate start = parse(request.startsOn()), end = parse(request.endsOn());
        if (end.isBefore(start)) throw ApiException.validation("endsOn", "must not be before startsOn");
        if (end.isAfter(start.plusDays(LONGEST_DAYS))) throw ApiException.validation("endsOn", "a period lasts at most " + LONGEST_DAYS + " days");
        for (ReadingPeriodItem other : all(buildingId)) {
            if (!LocalDate.parse(other.getEndsOn()).isBefore(start) && !LocalDate.parse(other.getStartsOn()).isAfter(end)) {
                throw ApiException.conflict("The building already has a reading period from " + other.getStartsOn() + " to " + other.getEndsOn());
            }
        }
        ReadingPeriodItem period = new ReadingPeriodItem();
        period.setId(Ids.newId());
        period.setPk(ReadingPeriodItem.pk(buildingId));
        period.setSk(ReadingPeriodItem.sk(start.toString(), period.getId()));
        period.setBuildingId(buildingId);
        period.setOrganisationId(building.getOrganisationId());
        period.setStartsOn(start.toString());
        period.setEndsOn(end.toString());
        period.setCreatedBy(caller.userId());
        period.setCreatedAt(clock.instant().toString());
        table.of(ReadingPeriodItem.class).putItem(period);
        period.setVersion(1L);
        return period;
    }

    public List<ReadingPeriodItem> list(Caller caller, String buildingId) {
        access.check(caller, buildingId, null, MeterAccess.Need.READ);
        return all(buildingId);
    }

    public Summary summary(Caller caller, String buildingId, String periodId) {
        access.managedBuilding(caller, buildingId);
        return summary(period(buildingId, periodId));
    }

    /** Reminds the residents of every unit with a meter still missing a reading; gives how many people were told. */
    public int remind(Caller caller, String buildingId, String periodId) {
        access.managedBuilding(caller, buildingId);
        ReadingPeriodItem period = period(buildingId, periodId);
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        if (today.isAfter(LocalDate.parse(period.getEndsOn()))) throw ApiException.conflict("The reading period is over");
        Map<String, List<MeterStatus>> missingByUnit = new LinkedHashMap<>();
        for (MeterStatus m : summary(period).missing()) if (m.unitId() != null) missingByUnit.computeIfAbsent(m.unitId(), u -> new ArrayList<>()).add(m);
        String building = people.buildingName(buildingId);
        int told = 0;
        for (Map.Entry<String, List<MeterStatus>> unit : missingByUnit.entrySet()) {
            String list = String.join(", ", unit.getValue().stream().map(m -> m.type().replace('_', ' ') + " " + m.serialNumber()).toList());
            for (String resident : people.residentsOf(buildingId, unit.getKey())) {
                notifications.send(new NotificationRequest("meter-reminder-" + period.getId() + "-" + unit.getKey() + "-" + resident + "-" + today,
                        resident, null, Category.METERS, "meter-reading-reminder",
                        Map.of("building", building, "endsOn", period.getEndsOn(), "meters", list)));
                told++;
            }
        }
        return told;
    }

    private Summary summary(ReadingPeriodItem period) {
        long from = LocalDate.parse(period.getStartsOn()).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        long until = LocalDate.parse(period.getEndsOn()).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() - 1;
        List<MeterStatus> missing = new ArrayList<>(), done = new ArrayList<>();
        for (MeterItem meter : meters.ofBuilding(period.getBuildingId())) {
            if (!meter.isActive()) continue;
            String pk = ReadingItem.pk(meter.getId());
            var request = QueryEnhancedRequest.builder()
                    .queryConditional(QueryConditional.sortBetween(Key.builder().partitionValue(pk).sortValue(ReadingItem.sk(from)).build(),
                            Key.builder().partitionValue(pk).sortValue(ReadingItem.sk(until)).build()))
                    .scanIndexForward(false).limit(1).build();
            List<ReadingItem> found = table.of(ReadingItem.class).query(request).iterator().next().items();
            ReadingItem reading = found.isEmpty() ? null : found.get(0);
            MeterStatus status = new MeterStatus(meter.getId(), meter.getUnitId(), people.placeOf(meter.getUnitId()),
                    meter.getType().toLowerCase(java.util.Locale.ROOT), meter.getSerialNumber(), reading != null,
                    reading == null ? null : reading.getId(), reading == null ? null : reading.getReadAt());
            (reading == null ? missing : done).add(status);
        }
        return new Summary(period.getId(), period.getStartsOn(), period.getEndsOn(), missing.size() + done.size(), done.size(), missing, done);
    }

    private ReadingPeriodItem period(String buildingId, String periodId) {
        return all(buildingId).stream().filter(p -> p.getId().equals(periodId)).findFirst()
                .orElseThrow(() -> ApiException.notFound("The reading period"));
    }

    private List<ReadingPeriodItem> all(String buildingId) {
        return table.all(ReadingPeriodItem.class, ReadingPeriodItem.pk(buildingId), ReadingPeriodItem.SK_PREFIX);
    }

    static LocalDate parse(String date) {
        if (date == null || date.length() != 10) return null;
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
