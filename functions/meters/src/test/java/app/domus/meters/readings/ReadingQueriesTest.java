package app.domus.meters.readings;

import static app.domus.shared.testing.Refusals.field;
import static app.domus.shared.testing.Refusals.status;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.meters.MetersFixture;
import app.domus.meters.registry.MeterItem;
import app.domus.meters.registry.MeterRequests;
import app.domus.shared.testing.DirectoryWorld;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading a meter's history: readings by time, consumption per day or month, the flagged list and the anomalies. */
class ReadingQueriesTest {
    private final MetersFixture f = new MetersFixture();
    private final MeterItem meter = f.meters.create(DirectoryWorld.caller(f.manager), new MeterRequests.CreateMeter(f.unit1.getId(), null,
            "electricity", "E-1", new BigDecimal("2"), "2026-01-10", new BigDecimal("100"), null));

    private ReadingItem readAt(String instant, String value) {
        f.clock.set(Instant.parse(instant));
        try {
            return f.readings.submit(DirectoryWorld.caller(f.owner), new ReadingRequests.SubmitReading(meter.getId(), new BigDecimal(value), null, null));
        } finally {
            f.clock.set(DirectoryWorld.START);
        }
    }

    private List<ReadingQueries.Period> consumption(String granularity, String from, String to) {
        return f.queries.consumption(DirectoryWorld.caller(f.owner), meter.getId(), granularity, LocalDate.parse(from), LocalDate.parse(to));
    }

    @Test
    void monthlyConsumptionRunsFromTheFirstOfTheMonthAndIsMultipliedByTheMetersFactor() {
        readAt("2026-01-31T20:00:00Z", "110");
        readAt("2026-02-27T20:00:00Z", "130.5");
        var months = consumption("month", "2026-01-15", "2026-02-03");
        assertThat(months).extracting(ReadingQueries.Period::period).containsExactly("2026-01", "2026-02");
        assertThat(months.get(0).from()).isEqualTo("2026-01-01");
        assertThat(months.get(0).to()).isEqualTo("2026-02-01");
        assertThat(months.get(0).startValue()).as("before the meter was installed").isNull();
        assertThat(months.get(0).consumption()).isNull();
        assertThat(months.get(1).startValue()).isEqualByComparingTo("110");
        assertThat(months.get(1).endValue()).isEqualByComparingTo("130.5");
        assertThat(months.get(1).consumption()).isEqualByComparingTo("41");
        assertThat(months.get(1).to()).isEqualTo("2026-03-01");
    }

    @Test
    void theInstallationDayStartsFromTheStartReadingAndAFlaggedReadingIsPassedOver() {
        readAt("2026-01-10T12:00:00Z", "104");
        readAt("2026-01-11T12:00:00Z", "90");
        var days = consumption("day", "2026-01-10", "2026-01-11");
        assertThat(days).extracting(ReadingQueries.Period::period).containsExactly("2026-01-10", "2026-01-11");
        assertThat(days.get(0).startValue()).isEqualByComparingTo("100");
        assertThat(days.get(0).endValue()).isEqualByComparingTo("104");
        assertThat(days.get(0).consumption()).isEqualByComparingTo("8");
        assertThat(days.get(1).endValue()).as("90 is flagged: the register is still 104").isEqualByComparingTo("104");
        assertThat(days.get(1).consumption()).isEqualByComparingTo("0");
    }

    @Test
    void aCorrectedValueCountsAndARegisterGoingBackGivesNoConsumption() {
        readAt("2026-02-01T12:00:00Z", "120");
        ReadingItem low = readAt("2026-02-02T12:00:00Z", "80");
        var before = consumption("day", "2026-02-02", "2026-02-03");
        assertThat(before.get(0).endValue()).isEqualByComparingTo("120");
        f.readings.correct(DirectoryWorld.caller(f.manager), low.getId(), new ReadingRequests.CorrectReading(new BigDecimal("125"), "misread"),
                java.util.Optional.empty());
        var after = consumption("day", "2026-02-02", "2026-02-02");
        assertThat(after).singleElement().satisfies(d -> {
            assertThat(d.endValue()).isEqualByComparingTo("125");
            assertThat(d.consumption()).isEqualByComparingTo("10");
        });
        f.readings.correct(DirectoryWorld.caller(f.manager), low.getId(), new ReadingRequests.CorrectReading(new BigDecimal("115"), "misread again"),
                java.util.Optional.empty());
        assertThat(consumption("day", "2026-02-02", "2026-02-02")).singleElement().satisfies(d -> {
            assertThat(d.endValue()).isEqualByComparingTo("115");
            assertThat(d.consumption()).as("the register went back").isNull();
        });
    }

    @Test
    void whenTheRawReadingsHaveExpiredTheKeptDayGivesTheRegister() {
        DayItem kept = new DayItem();
        kept.setPk(ReadingItem.pk(meter.getId()));
        kept.setSk(DayItem.sk("2026-02-10"));
        kept.setMeterId(meter.getId());
        kept.setDate("2026-02-10");
        kept.setFirstValue("150");
        kept.setLastValue("155");
        f.table.of(DayItem.class).putItem(kept);
        readAt("2026-02-12T12:00:00Z", "160");
        var days = consumption("day", "2026-02-11", "2026-02-12");
        assertThat(days.get(0).startValue()).isEqualByComparingTo("155");
        assertThat(days.get(0).endValue()).isEqualByComparingTo("155");
        assertThat(days.get(1).endValue()).isEqualByComparingTo("160");
        assertThat(days.get(1).consumption()).isEqualByComparingTo("10");
        assertThat(consumption("day", "2026-02-09", "2026-02-09").getFirst().startValue()).as("no kept day before it").isNull();
    }

    @Test
    void theRangeIsCheckedAndBoundedAndOnlyWhoMayReadTheMeterAsks() {
        assertThat(field(() -> consumption("week", "2026-02-01", "2026-02-02"))).isEqualTo("granularity");
        assertThat(field(() -> consumption("day", "2026-02-02", "2026-02-01"))).isEqualTo("to");
        assertThat(consumption("day", "2026-02-01", "2026-04-03")).hasSize(ReadingQueries.MAX_DAYS);
        assertThat(field(() -> consumption("day", "2026-02-01", "2026-04-04"))).isEqualTo("to");
        assertThat(consumption("month", "2026-01-01", "2027-12-31")).hasSize(ReadingQueries.MAX_MONTHS);
        assertThat(field(() -> consumption("month", "2026-01-01", "2028-01-01"))).isEqualTo("to");
        assertThat(status(() -> f.queries.consumption(DirectoryWorld.caller(f.outsider), meter.getId(), "day",
                LocalDate.parse("2026-02-01"), LocalDate.parse("2026-02-01")))).isEqualTo(404);
    }

    @Test
    void readingsComeNewestFirstWithinTheWindowAPageAtATime() {
        ReadingItem a = readAt("2026-02-01T08:00:00Z", "110");
        ReadingItem b = readAt("2026-02-02T08:00:00Z", "111");
        ReadingItem c = readAt("2026-02-03T08:00:00Z", "112");
        ReadingItem d = readAt("2026-02-04T08:00:00Z", "113");
        var first = f.queries.readings(DirectoryWorld.caller(f.tenant), meter.getId(), null, null, 2, null);
        assertThat(first.items()).extracting(ReadingItem::getId).containsExactly(d.getId(), c.getId());
        assertThat(first.nextCursor()).isNotNull();
        var second = f.queries.readings(DirectoryWorld.caller(f.tenant), meter.getId(), null, null, 2, first.nextCursor());
        assertThat(second.items()).extracting(ReadingItem::getId).containsExactly(b.getId(), a.getId());
        var window = f.queries.readings(DirectoryWorld.caller(f.tenant), meter.getId(), Instant.parse(b.getReadAt()), Instant.parse(c.getReadAt()), 10, null);
        assertThat(window.items()).extracting(ReadingItem::getId).containsExactly(c.getId(), b.getId());
        assertThat(status(() -> f.queries.readings(DirectoryWorld.caller(f.outsider), meter.getId(), null, null, 10, null))).isEqualTo(404);
    }

    @Test
    void flaggedReadingsAndAnomaliesAreForTheBuildingsManagers() {
        readAt("2026-02-01T08:00:00Z", "110");
        ReadingItem low = readAt("2026-02-02T08:00:00Z", "90");
        assertThat(f.queries.flagged(DirectoryWorld.caller(f.manager), f.building.getId(), 10, null).items()).extracting(ReadingItem::getId)
                .containsExactly(low.getId());
        assertThat(status(() -> f.queries.flagged(DirectoryWorld.caller(f.owner), f.building.getId(), 10, null))).isEqualTo(403);
        for (int i = 0; i < 3; i++) {
            AnomalyItem anomaly = new AnomalyItem();
            anomaly.setPk(AnomalyItem.pk(f.building.getId()));
            anomaly.setSk(AnomalyItem.sk(1_000L * (i + 1), meter.getId(), "spike"));
            anomaly.setId("anomaly-" + i);
            anomaly.setKind("spike");
            f.table.of(AnomalyItem.class).putItem(anomaly);
        }
        var page = f.queries.anomalies(DirectoryWorld.caller(f.manager), f.building.getId(), 2, null);
        assertThat(page.items()).extracting(AnomalyItem::getId).containsExactly("anomaly-2", "anomaly-1");
        assertThat(f.queries.anomalies(DirectoryWorld.caller(f.manager), f.building.getId(), 2, page.nextCursor()).items())
                .extracting(AnomalyItem::getId).containsExactly("anomaly-0");
        assertThat(status(() -> f.queries.anomalies(DirectoryWorld.caller(f.tenant), f.building.getId(), 2, null))).isEqualTo(403);
        assertThat(status(() -> f.queries.anomalies(DirectoryWorld.caller(f.outsider), f.building.getId(), 2, null))).isEqualTo(404);
    }
}
