package app.domus.meters.periods;

import static app.domus.shared.testing.Refusals.errors;
import static app.domus.shared.testing.Refusals.field;
import static app.domus.shared.testing.Refusals.status;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.meters.MetersFixture;
import app.domus.meters.readings.ReadingItem;
import app.domus.meters.readings.ReadingRequests;
import app.domus.meters.registry.MeterItem;
import app.domus.meters.registry.MeterRequests;
import app.domus.shared.notify.Category;
import app.domus.shared.notify.NotificationRequest;
import app.domus.shared.testing.DirectoryWorld;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading periods without HTTP: the window, the summary of who has read, and the reminder to who has not. */
class ReadingPeriodsTest {
    private final MetersFixture f = new MetersFixture();

    private ReadingPeriodItem open(String startsOn, String endsOn) {
        return f.periods.create(DirectoryWorld.caller(f.manager), f.building.getId(), new ReadingPeriods.CreatePeriod(startsOn, endsOn));
    }

    private MeterItem meter(String unitId, String type) {
        return f.meters.create(DirectoryWorld.caller(f.manager), new MeterRequests.CreateMeter(unitId, unitId == null ? f.building.getId() : null,
                type, "SN-" + type, null, "2026-01-01", BigDecimal.ZERO, null));
    }

    private ReadingItem readAt(MeterItem meter, String instant, String value) {
        f.clock.set(Instant.parse(instant));
        try {
            return f.readings.submit(DirectoryWorld.caller(f.manager), new ReadingRequests.SubmitReading(meter.getId(), new BigDecimal(value), null, null));
        } finally {
            f.clock.set(DirectoryWorld.START);
        }
    }

    @Test
    void aManagerOpensAPeriodThatIsStoredAsGiven() {
        ReadingPeriodItem period = open("2026-03-01", "2026-03-10");
        ReadingPeriodItem stored = f.table.get(ReadingPeriodItem.class, ReadingPeriodItem.pk(f.building.getId()),
                ReadingPeriodItem.sk("2026-03-01", period.getId())).orElseThrow();
        assertThat(stored.getStartsOn()).isEqualTo("2026-03-01");
        assertThat(stored.getEndsOn()).isEqualTo("2026-03-10");
        assertThat(stored.getBuildingId()).isEqualTo(f.building.getId());
        assertThat(stored.getOrganisationId()).isEqualTo(f.org);
        assertThat(stored.getCreatedBy()).isEqualTo(f.manager);
        assertThat(stored.getCreatedAt()).isEqualTo(DirectoryWorld.START.toString());
        assertThat(period.getVersion()).isEqualTo(1L);
    }

    @Test
    void onlyTheBuildingsManagersOpenOneAndNothingIsStoredOtherwise() {
        assertThat(status(() -> f.periods.create(DirectoryWorld.caller(f.owner), f.building.getId(),
                new ReadingPeriods.CreatePeriod("2026-03-01", "2026-03-10")))).isEqualTo(403);
        assertThat(status(() -> f.periods.create(DirectoryWorld.caller(f.outsider), f.building.getId(),
                new ReadingPeriods.CreatePeriod("2026-03-01", "2026-03-10")))).isEqualTo(404);
        assertThat(f.periods.list(DirectoryWorld.caller(f.manager), f.building.getId())).isEmpty();
    }

    @Test
    void aPeriodEndsOnOrAfterItsStartLastsAtMostSixtyTwoDaysAndOverlapsNoOther() {
        assertThat(field(() -> open("2026-03-10", "2026-03-09"))).isEqualTo("endsOn");
        assertThat(field(() -> open("2026-03-01", "2026-05-03"))).isEqualTo("endsOn");
        ReadingPeriodItem longest = open("2026-03-01", "2026-05-02");
        ReadingPeriodItem oneDay = open("2026-05-03", "2026-05-03");
        assertThat(status(() -> open("2026-05-03", "2026-05-20"))).as("same first day").isEqualTo(409);
        assertThat(status(() -> open("2026-02-01", "2026-03-01"))).as("ends on the other's first day").isEqualTo(409);
        assertThat(status(() -> open("2026-03-05", "2026-03-06"))).as("inside another").isEqualTo(409);
        assertThat(status(() -> open("2026-02-01", "2026-06-01"))).as("around both, too long anyway").isEqualTo(400);
        ReadingPeriodItem before = open("2026-02-01", "2026-02-28");
        ReadingPeriodItem after = open("2026-05-04", "2026-05-10");
        assertThat(f.periods.list(DirectoryWorld.caller(f.tenant), f.building.getId())).extracting(ReadingPeriodItem::getId)
                .containsExactly(before.getId(), longest.getId(), oneDay.getId(), after.getId());
    }

    @Test
    void theBuildingsMembersSeeItsPeriodsAndOutsidersDoNot() {
        open("2026-03-01", "2026-03-10");
        for (String member : List.of(f.owner, f.tenant, f.technician, f.otherOwner)) {
            assertThat(f.periods.list(DirectoryWorld.caller(member), f.building.getId())).as(member).hasSize(1);
        }
        assertThat(status(() -> f.periods.list(DirectoryWorld.caller(f.outsider), f.building.getId()))).isEqualTo(404);
    }

    @Test
    void theSummarySaysMeterByMeterWhoHasReadInsideTheWindow() {
        MeterItem read = meter(f.unit1.getId(), "electricity");
        MeterItem readTooEarly = meter(f.unit1.getId(), "gas");
        MeterItem readOnTheLastMinute = meter(f.unit2.getId(), "electricity");
        MeterItem readTooLate = meter(f.unit2.getId(), "gas");
        MeterItem common = meter(null, "heat");
        MeterItem retired = meter(f.unit2.getId(), "cold_water");
        f.meters.retire(DirectoryWorld.caller(f.manager), retired.getId(), new MeterRequests.RetireMeter("2026-02-01", null));

        ReadingPeriodItem period = open("2026-03-01", "2026-03-10");
        ReadingItem inside = readAt(read, "2026-03-01T00:00:00Z", "10");
        readAt(readTooEarly, "2026-02-28T23:59:59Z", "10");
        ReadingItem lastMinute = readAt(readOnTheLastMinute, "2026-03-10T23:59:59Z", "10");
        readAt(readTooLate, "2026-03-11T00:00:00Z", "10");

        var summary = f.periods.summary(DirectoryWorld.caller(f.manager), f.building.getId(), period.getId());
        assertThat(summary.periodId()).isEqualTo(period.getId());
        assertThat(summary.startsOn()).isEqualTo("2026-03-01");
        assertThat(summary.endsOn()).isEqualTo("2026-03-10");
        assertThat(summary.meters()).isEqualTo(5);
        assertThat(summary.submitted()).isEqualTo(2);
        assertThat(summary.done()).extracting(ReadingPeriods.MeterStatus::meterId)
                .containsExactlyInAnyOrder(read.getId(), readOnTheLastMinute.getId());
        assertThat(summary.missing()).extracting(ReadingPeriods.MeterStatus::meterId)
                .containsExactlyInAnyOrder(readTooEarly.getId(), readTooLate.getId(), common.getId());
        assertThat(summary.done()).filteredOn(m -> m.meterId().equals(read.getId())).singleElement().satisfies(m -> {
            assertThat(m.submitted()).isTrue();
            assertThat(m.readingId()).isEqualTo(inside.getId());
            assertThat(m.readAt()).isEqualTo("2026-03-01T00:00:00Z");
            assertThat(m.place()).isEqualTo("unit 1A");
            assertThat(m.type()).isEqualTo("electricity");
            assertThat(m.serialNumber()).isEqualTo("SN-electricity");
            assertThat(m.unitId()).isEqualTo(f.unit1.getId());
        });
        assertThat(summary.done()).filteredOn(m -> m.meterId().equals(readOnTheLastMinute.getId())).singleElement()
                .satisfies(m -> assertThat(m.readingId()).isEqualTo(lastMinute.getId()));
        assertThat(summary.missing()).filteredOn(m -> m.meterId().equals(common.getId())).singleElement().satisfies(m -> {
            assertThat(m.submitted()).isFalse();
            assertThat(m.readingId()).isNull();
            assertThat(m.readAt()).isNull();
            assertThat(m.place()).isEqualTo("common meter");
            assertThat(m.unitId()).isNull();
        });
    }

    @Test
    void theLatestReadingInTheWindowIsTheOneShown() {
        MeterItem meter = meter(f.unit1.getId(), "electricity");
        ReadingPeriodItem period = open("2026-03-01", "2026-03-10");
        readAt(meter, "2026-03-02T08:00:00Z", "10");
        ReadingItem later = readAt(meter, "2026-03-05T08:00:00Z", "12");
        readAt(meter, "2026-03-12T08:00:00Z", "15");
        var summary = f.periods.summary(DirectoryWorld.caller(f.manager), f.building.getId(), period.getId());
        assertThat(summary.done()).singleElement().satisfies(m -> assertThat(m.readingId()).isEqualTo(later.getId()));
    }

    @Test
    void theSummaryAndTheReminderAreForManagersAndAnUnknownPeriodIsNotFound() {
        ReadingPeriodItem period = open("2026-03-01", "2026-03-10");
        assertThat(status(() -> f.periods.summary(DirectoryWorld.caller(f.owner), f.building.getId(), period.getId()))).isEqualTo(403);
        assertThat(status(() -> f.periods.summary(DirectoryWorld.caller(f.outsider), f.building.getId(), period.getId()))).isEqualTo(404);
        assertThat(status(() -> f.periods.summary(DirectoryWorld.caller(f.manager), f.building.getId(), "01JNOSUCHPERIOD00000000000"))).isEqualTo(404);
        assertThat(status(() -> f.periods.remind(DirectoryWorld.caller(f.tenant), f.building.getId(), period.getId()))).isEqualTo(403);
        assertThat(status(() -> f.periods.remind(DirectoryWorld.caller(f.manager), f.building.getId(), "01JNOSUCHPERIOD00000000000"))).isEqualTo(404);
        assertThat(f.notifications.sent).isEmpty();
    }

    @Test
    void theReminderGoesToTheResidentsOfEachUnitStillMissingAReadingOncePerPersonADay() {
        MeterItem done = meter(f.unit1.getId(), "electricity");
        MeterItem missingGas = meter(f.unit2.getId(), "gas");
        MeterItem missingWater = meter(f.unit2.getId(), "hot_water");
        meter(null, "heat");
        ReadingPeriodItem period = open("2026-03-01", "2026-03-10");
        readAt(done, "2026-03-02T08:00:00Z", "10");

        int told = f.periods.remind(DirectoryWorld.caller(f.manager), f.building.getId(), period.getId());
        assertThat(told).isEqualTo(1);
        assertThat(f.notifications.sent).singleElement().satisfies(n -> {
            assertThat(n.userId()).isEqualTo(f.otherOwner);
            assertThat(n.category()).isEqualTo(Category.METERS);
            assertThat(n.template()).isEqualTo("meter-reading-reminder");
            assertThat(n.data()).containsEntry("building", f.building.getName()).containsEntry("endsOn", "2026-03-10");
            assertThat(n.data().get("meters")).contains("gas SN-gas").contains("hot water SN-hot_water")
                    .doesNotContain("electricity").doesNotContain("heat");
            assertThat(n.id()).contains(period.getId()).contains(f.unit2.getId()).endsWith("2026-03-02");
        });
        assertThat(missingGas.getId()).isNotEqualTo(missingWater.getId());

        f.periods.remind(DirectoryWorld.caller(f.manager), f.building.getId(), period.getId());
        assertThat(f.notifications.delivered()).as("the same day: the same notice").hasSize(1);
        f.clock.set(Instant.parse("2026-03-03T09:00:00Z"));
        f.periods.remind(DirectoryWorld.caller(f.manager), f.building.getId(), period.getId());
        assertThat(f.notifications.delivered()).as("the next day: another").hasSize(2);
    }

    @Test
    void everyResidentOfAMissingUnitIsTold() {
        meter(f.unit1.getId(), "electricity");
        ReadingPeriodItem period = open("2026-03-01", "2026-03-10");
        assertThat(f.periods.remind(DirectoryWorld.caller(f.manager), f.building.getId(), period.getId())).isEqualTo(2);
        assertThat(f.notifications.sent).extracting(NotificationRequest::userId).containsExactlyInAnyOrder(f.owner, f.tenant);
    }

    @Test
    void aPeriodThatIsOverIsNotRemindedOfButOneEndingTodayIs() {
        meter(f.unit1.getId(), "electricity");
        ReadingPeriodItem ended = open("2026-02-01", "2026-03-01");
        ReadingPeriodItem endsToday = open("2026-03-02", "2026-03-02");
        assertThat(status(() -> f.periods.remind(DirectoryWorld.caller(f.manager), f.building.getId(), ended.getId()))).isEqualTo(409);
        assertThat(f.notifications.sent).isEmpty();
        assertThat(f.periods.remind(DirectoryWorld.caller(f.manager), f.building.getId(), endsToday.getId())).isEqualTo(2);
    }

    @Test
    void theRequestSaysWhichDateIsMissingOrMalformed() {
        assertThat(errors(new ReadingPeriods.CreatePeriod(null, null))).containsExactly("startsOn", "endsOn");
        assertThat(errors(new ReadingPeriods.CreatePeriod("2026-3-01", "2026-03-10"))).containsExactly("startsOn");
        assertThat(errors(new ReadingPeriods.CreatePeriod("2026-03-01", "2026-03-32"))).containsExactly("endsOn");
        assertThat(errors(new ReadingPeriods.CreatePeriod("2026-03-01", "2026-03-10"))).isEmpty();
        assertThat(ReadingPeriods.parse("2026-02-29")).isNull();
        assertThat(ReadingPeriods.parse("2028-02-29")).hasToString("2028-02-29");
        assertThat(ReadingPeriods.parse(null)).isNull();
    }
}
