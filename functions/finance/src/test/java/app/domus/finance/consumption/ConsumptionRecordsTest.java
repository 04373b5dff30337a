package app.domus.finance.consumption;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.finance.FinanceFixture;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;

/** A unit's metered use as lines, and the billed readings they move, without a run. */
class ConsumptionRecordsTest {
    private final FinanceFixture f = new FinanceFixture();
    private static final String WATER = "01JWATERMETER0000000000001";
    private static final String HEAT = "01JHEATMETER00000000000002";
    private final List<Tariff> tariffs = List.of(Tariff.of("cold_water", 450, "10"));

    private void read(String meterId, String type, String value, String readAt) {
        f.meterReadings.apply(new MeterReadings.News(meterId + "-" + Instant.parse(readAt).toEpochMilli(), meterId, f.org, f.building.getId(),
                f.unit1.getId(), value, readAt, type, "m3", null, null, null, null, null, null));
    }

    private void move(List<Consumption.Metered> lines) {
        var transaction = TransactWriteItemsEnhancedRequest.builder();
        f.consumption.addMoves(transaction, lines);
        f.table.client().transactWriteItems(transaction.build());
    }

    @Test
    void aMetersUseIsItsLatestReadingLessTheLastBilledAndItsMoveNamesTheReadingTheRunAndTheInvoice() {
        read(WATER, "cold_water", "100", "2026-02-01T06:00:00Z");
        read(WATER, "cold_water", "112.5", "2026-03-01T06:00:00Z");
        read(HEAT, "heat", "10", "2026-02-01T06:00:00Z");
        read(HEAT, "heat", "20", "2026-03-01T06:00:00Z");
        f.clock.set(Instant.parse("2026-03-03T10:00:00Z"));

        List<Consumption.Metered> lines = f.consumption.ofUnit(f.unit1.getId(), tariffs, "run-1", "invoice-1");
        assertThat(lines).as("heat has no tariff here").singleElement().satisfies(m -> {
            assertThat(m.item().quantity()).isEqualByComparingTo("12.5");
            assertThat(m.item().unitPrice()).isEqualByComparingTo("450");
            assertThat(m.item().vatRate()).isEqualByComparingTo("10");
            assertThat(m.billed()).isNull();
            assertThat(m.meter().getMeterId()).isEqualTo(WATER);
            BilledReadingItem next = m.next();
            assertThat(next.getPk()).isEqualTo(MeterReadingItem.pk(WATER));
            assertThat(next.getSk()).isEqualTo(BilledReadingItem.SK);
            assertThat(next.getMeterId()).isEqualTo(WATER);
            assertThat(next.getReadingId()).isEqualTo(WATER + "-" + Instant.parse("2026-03-01T06:00:00Z").toEpochMilli());
            assertThat(next.getValue()).isEqualTo("112.5");
            assertThat(next.getReadAt()).isEqualTo("2026-03-01T06:00:00Z");
            assertThat(next.getRunId()).isEqualTo("run-1");
            assertThat(next.getInvoiceId()).isEqualTo("invoice-1");
            assertThat(next.getBilledAt()).isEqualTo("2026-03-03T10:00:00Z");
            assertThat(next.getVersion()).isNull();
        });
        move(lines);
        BilledReadingItem billed = f.table.get(BilledReadingItem.class, MeterReadingItem.pk(WATER), BilledReadingItem.SK).orElseThrow();
        assertThat(billed.getValue()).isEqualTo("112.5");
        assertThat(billed.getMeterId()).isEqualTo(WATER);

        // Nothing new since: no line. Then a new reading is billed from the billed one, and its move updates it.
        assertThat(f.consumption.ofUnit(f.unit1.getId(), tariffs, "run-2", "invoice-2")).isEmpty();
        read(WATER, "cold_water", "115", "2026-04-01T06:00:00Z");
        List<Consumption.Metered> april = f.consumption.ofUnit(f.unit1.getId(), tariffs, "run-2", "invoice-2");
        assertThat(april).singleElement().satisfies(m -> {
            assertThat(m.item().quantity()).isEqualByComparingTo("2.5");
            assertThat(m.billed().getValue()).isEqualTo("112.5");
            assertThat(m.next().getVersion()).isEqualTo(billed.getVersion());
            assertThat(m.item().description()).isEqualTo("Cold water, meter 000001: 2.5 m3, from 112.5 on 2026-03-01 to 115 on 2026-04-01");
        });
        move(april);
        BilledReadingItem moved = f.table.get(BilledReadingItem.class, MeterReadingItem.pk(WATER), BilledReadingItem.SK).orElseThrow();
        assertThat(moved.getValue()).isEqualTo("115");
        assertThat(moved.getRunId()).isEqualTo("run-2");
        assertThat(moved.getVersion()).isEqualTo(billed.getVersion() + 1);
    }

    @Test
    void useIsKeptToThreeDecimalsHalfEvenAndAUseThatRoundsToNothingGetsNoLine() {
        read(WATER, "cold_water", "100", "2026-02-01T06:00:00Z");
        read(WATER, "cold_water", "100.0005", "2026-03-01T06:00:00Z");
        assertThat(f.consumption.ofUnit(f.unit1.getId(), tariffs, "r", "i")).isEmpty();
        read(WATER, "cold_water", "100.0015", "2026-03-02T06:00:00Z");
        assertThat(f.consumption.ofUnit(f.unit1.getId(), tariffs, "r", "i")).singleElement()
                .satisfies(m -> assertThat(m.item().quantity()).isEqualTo(new BigDecimal("0.002")));
        read(WATER, "cold_water", "99", "2026-03-03T06:00:00Z");
        assertThat(f.consumption.ofUnit(f.unit1.getId(), tariffs, "r", "i")).as("a register below the last billed").isEmpty();
    }

    private static MeterReadingItem meter(String status, List<String> flags, String unitOfMeasure) {
        MeterReadingItem meter = new MeterReadingItem();
        meter.setMeterId("ABC");
        meter.setMeterType("hot_water");
        meter.setUnitOfMeasure(unitOfMeasure);
        meter.setValue("7.5");
        meter.setReadAt("2026-03-01T06:00:00Z");
        meter.setStatus(status);
        meter.setFlags(flags);
        return meter;
    }

    @Test
    void theLineSaysHowTheLatestReadingWasTaken() {
        BigDecimal used = new BigDecimal("2.500");
        assertThat(Consumption.description(meter(MeterReadingItem.READ, null, null), used, "5", "2026-02-01T06:00:00Z"))
                .isEqualTo("Hot water, meter ABC: 2.5, from 5 on 2026-02-01 to 7.5 on 2026-03-01");
        assertThat(Consumption.description(meter(MeterReadingItem.CORRECTED, null, "m3"), used, "5", "2026-02-01T06:00:00Z"))
                .isEqualTo("Hot water, meter ABC: 2.5 m3, from 5 on 2026-02-01 to 7.5 on 2026-03-01 (corrected by the building's manager)");
        assertThat(Consumption.description(meter(MeterReadingItem.FLAGGED, List.of(), "m3"), used, "5", "2026-02-01T06:00:00Z"))
                .endsWith(" (that reading is FLAGGED; not yet confirmed)");
        assertThat(Consumption.description(meter(MeterReadingItem.FLAGGED, null, "m3"), used, "5", "2026-02-01T06:00:00Z"))
                .endsWith(" (that reading is FLAGGED; not yet confirmed)");
        assertThat(Consumption.description(meter(MeterReadingItem.FLAGGED, List.of("SPIKE", "OCR_MISMATCH"), "m3"), used, "5", "2026-02-01T06:00:00Z"))
                .endsWith(" (that reading is FLAGGED: spike, ocr_mismatch; not yet confirmed)");
        assertThat(Consumption.description(meter(MeterReadingItem.BY_HAND, null, "m3"), used, "5", "2026-02-01T06:00:00Z"))
                .endsWith(" (read by hand)");
    }
}
