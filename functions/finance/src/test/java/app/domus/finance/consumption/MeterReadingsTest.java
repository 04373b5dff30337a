package app.domus.finance.consumption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.finance.FinanceFixture;
import app.domus.shared.persistence.TableItem;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Finance's projection of each meter's latest reading, straight from the news, without the queue. */
class MeterReadingsTest {
    private final FinanceFixture f = new FinanceFixture();
    private static final String METER = "01JWATERMETER0000000000001";

    private MeterReadings.News reading(String value, String readAt) {
        return news(value, readAt, f.unit1.getId(), f.building.getId(), "cold_water", "m3", null, null, null);
    }

    private MeterReadings.News news(String value, String readAt, String unitId, String buildingId, String type, String unit,
                                    String photoKey, List<String> reasons, String correctedBy) {
        String readingId = METER + "-" + Instant.parse(readAt).toEpochMilli();
        return new MeterReadings.News(readingId, METER, f.org, buildingId, unitId, value, readAt, type, unit, null, photoKey, reasons,
                correctedBy, null, null);
    }

    /** A correction as the meters context sends it: no readAt, the reading id ends with it. */
    private MeterReadings.News correction(String value, String readAt) {
        return new MeterReadings.News(METER + "-" + Instant.parse(readAt).toEpochMilli(), METER, f.org, f.building.getId(), f.unit1.getId(),
                value, null, "cold_water", "m3", null, null, null, f.manager, "0", null);
    }

    private MeterReadingItem kept() {
        return f.meterReadings.load(METER);
    }

    @Test
    void theFirstReadingIsKeptWithItsPlaceAsBaselineAndLatestAndListedUnderItsUnitAndBuilding() {
        f.clock.set(Instant.parse("2026-03-02T10:00:00Z"));
        f.meterReadings.apply(reading("100.5", "2026-03-01T06:00:00Z"));
        MeterReadingItem meter = kept();
        String readingId = METER + "-" + Instant.parse("2026-03-01T06:00:00Z").toEpochMilli();
        assertThat(meter.getMeterId()).isEqualTo(METER);
        assertThat(meter.getOrganisationId()).isEqualTo(f.org);
        assertThat(meter.getBuildingId()).isEqualTo(f.building.getId());
        assertThat(meter.getUnitId()).isEqualTo(f.unit1.getId());
        assertThat(meter.getReadingId()).isEqualTo(readingId);
        assertThat(meter.getValue()).isEqualTo("100.5");
        assertThat(meter.getReadAt()).isEqualTo("2026-03-01T06:00:00Z");
        assertThat(meter.getStatus()).isEqualTo(MeterReadingItem.READ);
        assertThat(meter.getFlags()).isNull();
        assertThat(meter.getBaselineReadingId()).isEqualTo(readingId);
        assertThat(meter.getBaselineValue()).isEqualTo("100.5");
        assertThat(meter.getBaselineReadAt()).isEqualTo("2026-03-01T06:00:00Z");
        assertThat(meter.getUpdatedAt()).isEqualTo("2026-03-02T10:00:00Z");
        assertThat(meter.getGsi1pk()).isEqualTo(MeterReadingItem.byUnit(f.unit1.getId()));
        assertThat(meter.getGsi1sk()).isEqualTo("cold_water#" + METER);
        assertThat(meter.getGsi2pk()).isEqualTo(MeterReadingItem.byBuilding(f.building.getId()));
        assertThat(meter.getGsi2sk()).isEqualTo("cold_water#" + METER);
        assertThat(f.consumption.ofBuilding(f.building.getId())).extracting(MeterReadingItem::getMeterId).containsExactly(METER);
    }

    @Test
    void aNewerReadingBecomesTheLatestWithItsOwnStatusAndFlagsTheBaselineStays() {
        f.meterReadings.apply(reading("100", "2026-02-01T06:00:00Z"));
        f.meterReadings.apply(news("110", "2026-03-01T06:00:00Z", f.unit1.getId(), f.building.getId(), "cold_water", "m3", null,
                List.of("OCR_MISMATCH"), null));
        MeterReadingItem meter = kept();
        assertThat(meter.getReadingId()).isEqualTo(METER + "-" + Instant.parse("2026-03-01T06:00:00Z").toEpochMilli());
        assertThat(meter.getValue()).isEqualTo("110");
        assertThat(meter.getStatus()).isEqualTo(MeterReadingItem.FLAGGED);
        assertThat(meter.getFlags()).containsExactly("OCR_MISMATCH");
        assertThat(meter.getBaselineValue()).isEqualTo("100");

        // The next one, read by hand, carries no flags of its own.
        f.meterReadings.apply(news("120", "2026-04-01T06:00:00Z", f.unit1.getId(), f.building.getId(), "cold_water", "m3", "meters/p.jpg", null, null));
        meter = kept();
        assertThat(meter.getStatus()).isEqualTo(MeterReadingItem.BY_HAND);
        assertThat(meter.getFlags()).isNull();
        assertThat(meter.getBaselineReadAt()).isEqualTo("2026-02-01T06:00:00Z");
    }

    @Test
    void flagsOfTheSameReadingAddUpOnceEachInTheirOrderButACorrectedReadingStaysCorrected() {
        f.meterReadings.apply(news("110", "2026-03-01T06:00:00Z", f.unit1.getId(), f.building.getId(), "cold_water", "m3", null,
                List.of("OCR_MISMATCH"), null));
        f.meterReadings.apply(news("110", "2026-03-01T06:00:00Z", f.unit1.getId(), f.building.getId(), "cold_water", "m3", null,
                List.of("SPIKE", "OCR_MISMATCH"), null));
        assertThat(kept().getFlags()).containsExactly("OCR_MISMATCH", "SPIKE");
        // A silent device's anomaly about the same reading (its kind) is a flag too.
        f.meterReadings.apply(new MeterReadings.News(kept().getReadingId(), METER, f.org, f.building.getId(), f.unit1.getId(), "110",
                "2026-03-01T06:00:00Z", null, null, null, null, null, null, null, "spike"));
        assertThat(kept().getFlags()).containsExactly("OCR_MISMATCH", "SPIKE", "spike");

        f.meterReadings.apply(correction("109", "2026-03-01T06:00:00Z"));
        assertThat(kept().getStatus()).isEqualTo(MeterReadingItem.CORRECTED);
        f.meterReadings.apply(news("110", "2026-03-01T06:00:00Z", f.unit1.getId(), f.building.getId(), "cold_water", "m3", null,
                List.of("OCR_MISMATCH"), null));
        MeterReadingItem meter = kept();
        assertThat(meter.getStatus()).as("a late flag does not undo the manager's correction").isEqualTo(MeterReadingItem.CORRECTED);
        assertThat(meter.getValue()).isEqualTo("109");
        assertThat(meter.getFlags()).isNull();
    }

    @Test
    void aCorrectionOfTheBaselineArrivingAfterANewerReadingCorrectsTheBaselineOnly() {
        f.meterReadings.apply(reading("100", "2026-02-01T06:00:00Z"));
        f.meterReadings.apply(reading("112", "2026-03-01T06:00:00Z"));
        f.meterReadings.apply(correction("101", "2026-02-01T06:00:00Z"));
        MeterReadingItem meter = kept();
        assertThat(meter.getBaselineValue()).isEqualTo("101");
        assertThat(meter.getValue()).isEqualTo("112");
        assertThat(meter.getStatus()).isEqualTo(MeterReadingItem.READ);

        // A correction of some other older reading, or an older reading arriving late, changes nothing at all.
        f.clock.set(Instant.parse("2026-03-05T00:00:00Z"));
        String updated = kept().getUpdatedAt();
        f.meterReadings.apply(correction("105", "2026-02-15T06:00:00Z"));
        f.meterReadings.apply(reading("106", "2026-02-20T06:00:00Z"));
        assertThat(kept().getBaselineValue()).isEqualTo("101");
        assertThat(kept().getUpdatedAt()).isEqualTo(updated);
        assertThat(kept().getVersion()).isEqualTo(meter.getVersion());
    }

    @Test
    void newsThatChangesNothingIsNotWrittenAgain() {
        f.meterReadings.apply(reading("100", "2026-02-01T06:00:00Z"));
        MeterReadingItem before = kept();
        f.clock.set(Instant.parse("2026-03-05T00:00:00Z"));
        f.meterReadings.apply(reading("100", "2026-02-01T06:00:00Z"));
        assertThat(kept().getUpdatedAt()).isEqualTo(before.getUpdatedAt());
        assertThat(kept().getVersion()).isEqualTo(before.getVersion());
    }

    @Test
    void aMeterFirstHeardOfWithoutTypeUnitOrBuildingIsDescribedByTheFirstEventThatNamesThem() {
        f.meterReadings.apply(news("5", "2026-02-01T06:00:00Z", null, null, null, null, null, null, null));
        MeterReadingItem bare = kept();
        assertThat(bare.getMeterType()).isNull();
        assertThat(bare.getGsi1pk()).as("listed under no unit").isNull();
        assertThat(bare.getGsi2pk()).isNull();
        assertThat(f.consumption.ofBuilding(f.building.getId())).isEmpty();

        // An older event (so not the latest reading) that names the meter's place and type still describes it.
        f.clock.set(Instant.parse("2026-03-05T00:00:00Z"));
        f.meterReadings.apply(news("4", "2026-01-01T06:00:00Z", f.unit2.getId(), f.building.getId(), "electricity", "kWh", null, null, null));
        MeterReadingItem described = kept();
        assertThat(described.getValue()).isEqualTo("5");
        assertThat(described.getMeterType()).isEqualTo("electricity");
        assertThat(described.getUnitOfMeasure()).isEqualTo("kWh");
        assertThat(described.getUnitId()).isEqualTo(f.unit2.getId());
        assertThat(described.getBuildingId()).isEqualTo(f.building.getId());
        assertThat(described.getGsi1pk()).isEqualTo(MeterReadingItem.byUnit(f.unit2.getId()));
        assertThat(described.getGsi1sk()).isEqualTo("electricity#" + METER);
        assertThat(described.getGsi2sk()).isEqualTo("electricity#" + METER);
        assertThat(described.getUpdatedAt()).isEqualTo("2026-03-05T00:00:00Z");

        // Once placed, a meter stays with its unit and building whatever a later event names.
        f.meterReadings.apply(news("6", "2026-03-01T06:00:00Z", f.unit1.getId(), "01JOTHERBUILDING0000000000", "electricity", null, null, null, null));
        assertThat(kept().getUnitId()).isEqualTo(f.unit2.getId());
        assertThat(kept().getBuildingId()).isEqualTo(f.building.getId());
        assertThat(kept().getUnitOfMeasure()).as("not forgotten for an event without it").isEqualTo("kWh");
    }

    @Test
    void aMeterWithAUnitButNoTypeIsListedAsUnknown() {
        f.meterReadings.apply(news("5", "2026-02-01T06:00:00Z", f.unit1.getId(), f.building.getId(), null, null, null, null, null));
        assertThat(kept().getGsi1sk()).isEqualTo("UNKNOWN#" + METER);
        assertThat(kept().getGsi2sk()).isEqualTo("UNKNOWN#" + METER);
        assertThat(f.consumption.ofBuilding(f.building.getId())).as("a meter of no known type is not billed").isEmpty();
    }

    @Test
    void newsThatNamesNoReadingIsPassedOver() {
        int items = f.itemCount();
        f.meterReadings.apply(new MeterReadings.News(null, METER, f.org, f.building.getId(), null, null, null, null, null, null, null,
                null, null, null, "silent"));
        f.meterReadings.apply(new MeterReadings.News("no-dash-number", METER, f.org, f.building.getId(), null, "5", null, null, null, null,
                null, null, f.manager, "4", null));
        f.meterReadings.apply(new MeterReadings.News("nodash", METER, f.org, f.building.getId(), null, "5", null, null, null, null,
                null, null, f.manager, "4", null));
        f.meterReadings.apply(new MeterReadings.News(null, null, f.org, f.building.getId(), null, "5", "2026-03-01T06:00:00Z", null, null, null,
                null, null, null, null, null));
        f.meterReadings.apply(new MeterReadings.News(null, METER, f.org, f.building.getId(), null, null, "2026-03-01T06:00:00Z", null, null, null,
                null, null, null, null, null));
        assertThat(f.itemCount()).isEqualTo(items);
        assertThat(kept()).isNull();

        // A reading id that is only a dash and the epoch still says when it was taken.
        long at = Instant.parse("2026-03-01T06:00:00Z").toEpochMilli();
        f.meterReadings.apply(new MeterReadings.News("-" + at, METER, f.org, f.building.getId(), null, "5", null, null, null, null,
                null, null, null, null, null));
        assertThat(kept().getReadAt()).isEqualTo("2026-03-01T06:00:00Z");
    }

    @Test
    void aConcurrentWriteIsReadAgainAndMergedAndFiveLostRacesGiveUp() {
        f.meterReadings.apply(reading("100", "2026-02-01T06:00:00Z"));
        AtomicInteger loads = new AtomicInteger();
        // Another writer changes the meter once, between our read and our write.
        MeterReadings racedOnce = new MeterReadings(f.table, f.clock) {
            @Override
            public MeterReadingItem load(String meterId) {
                MeterReadingItem read = super.load(meterId);
                if (loads.incrementAndGet() == 1) {
                    MeterReadingItem other = super.load(meterId);
                    other.setUnitOfMeasure("litres");
                    f.table.of(MeterReadingItem.class).updateItem(other);
                }
                return read;
            }
        };
        racedOnce.apply(reading("112", "2026-03-01T06:00:00Z"));
        assertThat(loads).hasValue(2);
        assertThat(kept().getValue()).isEqualTo("112");
        assertThat(kept().getUnitOfMeasure()).as("the news names m3 again").isEqualTo("m3");

        AtomicInteger attempts = new AtomicInteger();
        MeterReadings alwaysRaced = new MeterReadings(f.table, f.clock) {
            @Override
            public MeterReadingItem load(String meterId) {
                attempts.incrementAndGet();
                MeterReadingItem read = super.load(meterId);
                MeterReadingItem other = super.load(meterId);
                f.table.of(MeterReadingItem.class).updateItem(other);
                return read;
            }
        };
        assertThatThrownBy(() -> alwaysRaced.apply(reading("120", "2026-04-01T06:00:00Z"))).isInstanceOf(ConditionalCheckFailedException.class);
        assertThat(attempts).hasValue(MeterReadings.ATTEMPTS);
        assertThat(kept().getValue()).isEqualTo("112");
    }

    @Test
    void theBuildingsMetersAreThoseOfUnitsWithAKnownType() {
        f.meterReadings.apply(reading("1", "2026-02-01T06:00:00Z"));
        f.meterReadings.apply(new MeterReadings.News("01JCOMMON-" + Instant.parse("2026-02-01T06:00:00Z").toEpochMilli(), "01JCOMMON", f.org,
                f.building.getId(), null, "1", "2026-02-01T06:00:00Z", "heat", "kWh", null, null, null, null, null, null));
        assertThat(f.table.allInIndex(MeterReadingItem.class, TableItem.GSI2, MeterReadingItem.byBuilding(f.building.getId()))).hasSize(2);
        assertThat(f.consumption.ofBuilding(f.building.getId())).extracting(MeterReadingItem::getMeterId).containsExactly(METER);
    }
}
