package app.domus.finance.consumption;

import static app.domus.finance.FinanceFixture.line;
import static app.domus.shared.testing.DirectoryWorld.caller;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.finance.FinanceFixture;
import app.domus.finance.invoices.InvoiceItem;
import app.domus.finance.invoices.InvoiceLine;
import app.domus.finance.runs.BillingRunItem;
import app.domus.finance.runs.BillingRunRequests;
import app.domus.finance.runs.RunUnit;
import app.domus.shared.events.DomainEvent;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.FieldError;
import app.domus.shared.http.ProblemType;
import app.domus.shared.json.Json;
import app.domus.shared.testing.SqsEvents;
import app.domus.shared.testing.TestContext;
import app.domus.shared.validation.Validator;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Metered use billed by runs: finance's projection of the meters' reading events (in any order, twice), the building's
 * tariffs, and runs that bill each unit's use since its last billed reading, naming the readings and marking flagged
 * ones, moving the billed reading with the invoice.
 */
class ConsumptionBillingTest {
    private final FinanceFixture f = new FinanceFixture();
    private final MeterReadingsHandler projection = new MeterReadingsHandler(f.idempotency, f.meterReadings);
    private final app.domus.finance.runs.BillingRunHandler job = new app.domus.finance.runs.BillingRunHandler(f.idempotency, f.runs);
    private final String water = "01JWATERMETER0000000000001";
    private final String power = "01JPOWERMETER0000000000002";

    /** An event as the meters context publishes it: its payload's fields as in its MeterEvents records. */
    private void publish(String type, Map<String, Object> payload) {
        DomainEvent event = DomainEvent.of(type, f.org, Json.MAPPER.valueToTree(payload), f.clock.instant());
        assertThat(SqsEvents.failed(projection.handleRequest(SqsEvents.batch(event), new TestContext()))).isEmpty();
    }

    private Map<String, Object> reading(String meterId, String unitId, String type, String unit, String value, String readAt) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("readingId", meterId + "-" + Instant.parse(readAt).toEpochMilli());
        payload.put("meterId", meterId);
        payload.put("organisationId", f.org);
        payload.put("buildingId", f.building.getId());
        payload.put("unitId", unitId);
        payload.put("value", value);
        payload.put("readAt", readAt);
        payload.put("meterType", type);
        payload.put("unitOfMeasure", unit);
        return payload;
    }

    private void received(String meterId, String unitId, String type, String unit, String value, String readAt) {
        Map<String, Object> payload = reading(meterId, unitId, type, unit, value, readAt);
        payload.put("deviceId", "device-1");
        publish("MeterReadingReceived", payload);
    }

    private void flagged(String meterId, String unitId, String value, String readAt, String... reasons) {
        Map<String, Object> payload = reading(meterId, unitId, "cold_water", "m3", value, readAt);
        payload.put("ocrValue", "99");
        payload.put("reasons", List.of(reasons));
        publish("MeterReadingFlagged", payload);
    }

    private void submitted(String meterId, String unitId, String type, String unit, String value, String readAt) {
        Map<String, Object> payload = reading(meterId, unitId, type, unit, value, readAt);
        payload.put("photoKey", "meters/photo.jpg");
        publish("MeterReadingSubmitted", payload);
    }

    private void corrected(String meterId, String unitId, String previous, String value, String readAt) {
        Map<String, Object> payload = reading(meterId, unitId, "cold_water", "m3", value, readAt);
        payload.remove("readAt");
        payload.put("previousValue", previous);
        payload.put("correctedBy", f.manager);
        payload.put("reason", "misread");
        publish("MeterReadingCorrected", payload);
    }

    private void tariffs() {
        Tariffs.SetTariffs prices = new Tariffs.SetTariffs();
        prices.put("cold_water", new Tariffs.Price(BigDecimal.valueOf(450), BigDecimal.TEN));
        prices.put("electricity", new Tariffs.Price(BigDecimal.valueOf(28), BigDecimal.valueOf(20)));
        f.tariffs.set(caller(f.manager), f.building.getId(), prices);
    }

    private BillingRunItem startConsumption(String period, BillingRunRequests.Line... lines) {
        return f.runs.start(caller(f.manager), f.building.getId(), new BillingRunRequests.StartRun(period, "2026-03-31", null, List.of(lines), true));
    }

    private InvoiceItem invoiceOf(BillingRunItem run, String unitNumber) {
        RunUnit entry = f.runs.get(caller(f.manager), run.getId()).invoicesOrEmpty().stream()
                .filter(u -> u.getUnitNumber().equals(unitNumber)).findFirst().orElseThrow();
        return f.invoices.load(entry.getInvoiceId()).orElseThrow();
    }

    @Test
    void theProjectionKeepsEachMetersLatestReadingAndItsFlagsWhateverTheOrderOfTheEvents() {
        received(water, f.unit1.getId(), "cold_water", "m3", "100", "2026-02-01T06:00:00Z");
        received(water, f.unit1.getId(), "cold_water", "m3", "112.345", "2026-03-01T06:00:00Z");
        // An older reading arriving late changes nothing; the flag of the latest marks it.
        received(water, f.unit1.getId(), "cold_water", "m3", "105", "2026-02-15T06:00:00Z");
        flagged(water, f.unit1.getId(), "112.345", "2026-03-01T06:00:00Z", "OCR_MISMATCH");
        flagged(water, f.unit1.getId(), "112.345", "2026-03-01T06:00:00Z", "OCR_MISMATCH");
        MeterReadingItem meter = f.meterReadings.load(water);
        assertThat(meter.getValue()).isEqualTo("112.345");
        assertThat(meter.getReadAt()).isEqualTo("2026-03-01T06:00:00Z");
        assertThat(meter.getStatus()).isEqualTo(MeterReadingItem.FLAGGED);
        assertThat(meter.getFlags()).containsExactly("OCR_MISMATCH");
        assertThat(meter.getBaselineValue()).isEqualTo("100");
        assertThat(meter.getMeterType()).isEqualTo("cold_water");
        assertThat(meter.getUnitOfMeasure()).isEqualTo("m3");

        // A manager's correction (its event has no readAt: the reading id ends with it) confirms it with the right value.
        corrected(water, f.unit1.getId(), "112.345", "112.3", "2026-03-01T06:00:00Z");
        meter = f.meterReadings.load(water);
        assertThat(meter.getStatus()).isEqualTo(MeterReadingItem.CORRECTED);
        assertThat(meter.getValue()).isEqualTo("112.3");
        assertThat(meter.getFlags()).isNull();

        // The flag of a reading that arrives before the reading itself holds when the reading comes.
        flagged(power, f.unit2.getId(), "7", "2026-03-02T06:00:00Z", "BELOW_PREVIOUS");
        submitted(power, f.unit2.getId(), "electricity", "kWh", "7", "2026-03-02T06:00:00Z");
        assertThat(f.meterReadings.load(power).getStatus()).isEqualTo(MeterReadingItem.FLAGGED);
        assertThat(f.meterReadings.load(power).getMeterType()).as("named by the later event").isEqualTo("electricity");
        // A silent device's anomaly names no reading.
        publish("MeterAnomalyDetected", Map.of("anomalyId", "a1", "meterId", power, "organisationId", f.org, "kind", "silent"));
        assertThat(f.meterReadings.load(power).getValue()).isEqualTo("7");
    }

    @Test
    void aRunBillsEachUnitsUseSinceItsLastBilledReadingAtTheTariffNamingTheReadingsAndMovesTheBilledReadingWithTheInvoice() {
        received(water, f.unit1.getId(), "cold_water", "m3", "100", "2026-02-01T06:00:00Z");
        received(water, f.unit1.getId(), "cold_water", "m3", "112.345", "2026-03-01T06:00:00Z");
        flagged(water, f.unit1.getId(), "112.345", "2026-03-01T06:00:00Z", "OCR_MISMATCH");
        submitted(power, f.unit2.getId(), "electricity", "kWh", "5000", "2026-02-01T07:00:00Z");
        submitted(power, f.unit2.getId(), "electricity", "kWh", "5230.5", "2026-03-01T07:00:00Z");
        tariffs();

        BillingRunItem march = startConsumption("2026-03", line("Management fee", 2000, "0", "per_unit"));
        f.deliverRun(job, march.getId());
        InvoiceItem first = invoiceOf(march, "1A");
        assertThat(first.getLines()).extracting(InvoiceLine::getDescription).containsExactly("Management fee, 2026-03",
                "Cold water, meter 000001: 12.345 m3, from 100 on 2026-02-01 to 112.345 on 2026-03-01"
                        + " (that reading is FLAGGED: ocr_mismatch; not yet confirmed)");
        // 12.345 m3 x 4.50 = 55.5525 -> 55.55 (half to even); VAT 10 % of it 5.555 -> 5.56.
        InvoiceLine water1 = first.getLines().get(1);
        assertThat(water1.getQuantity()).isEqualTo("12.345");
        assertThat(water1.getUnitPrice()).isEqualTo(450);
        assertThat(water1.getNet()).isEqualTo(5555);
        assertThat(water1.getVat()).isEqualTo(556);
        InvoiceItem second = invoiceOf(march, "1B");
        assertThat(second.getLines().get(1).getDescription()).isEqualTo(
                "Electricity, meter 000002: 230.5 kWh, from 5000 on 2026-02-01 to 5230.5 on 2026-03-01 (read by hand)");
        assertThat(second.getLines().get(1).getNet()).isEqualTo(6454);
        assertThat(second.getLines().get(1).getVat()).isEqualTo(1291);
        BilledReadingItem billed = f.table.get(BilledReadingItem.class, MeterReadingItem.pk(water), BilledReadingItem.SK).orElseThrow();
        assertThat(billed.getValue()).isEqualTo("112.345");
        assertThat(billed.getInvoiceId()).isEqualTo(first.getId());
        assertThat(billed.getRunId()).isEqualTo(march.getId());

        // April: only the water meter moved on; the unit without new use has nothing to invoice.
        received(water, f.unit1.getId(), "cold_water", "m3", "120", "2026-04-01T06:00:00Z");
        BillingRunItem april = startConsumption("2026-04");
        f.deliverRun(job, april.getId());
        BillingRunItem done = f.runs.get(caller(f.manager), april.getId());
        assertThat(done.invoicesOrEmpty()).extracting(RunUnit::getUnitNumber).containsExactly("1A");
        assertThat(done.skippedOrEmpty()).extracting(RunUnit::getUnitNumber, RunUnit::getReason)
                .contains(org.assertj.core.groups.Tuple.tuple("1B", "nothing_to_invoice"));
        InvoiceItem next = invoiceOf(april, "1A");
        assertThat(next.getLines()).singleElement().satisfies(l -> {
            assertThat(l.getDescription()).isEqualTo("Cold water, meter 000001: 7.655 m3, from 112.345 on 2026-03-01 to 120 on 2026-04-01");
            assertThat(l.getQuantity()).isEqualTo("7.655");
        });

        // The job once more: nothing is billed again.
        int items = f.itemCount();
        f.runs.process(april.getId());
        f.runs.process(march.getId());
        assertThat(f.itemCount()).isEqualTo(items);
        assertThat(f.table.get(BilledReadingItem.class, MeterReadingItem.pk(water), BilledReadingItem.SK).orElseThrow().getValue()).isEqualTo("120");
    }

    @Test
    void tariffsAreSetByTheBuildingsManagersForKnownMeterTypesInWholeMinorUnits() {
        tariffs();
        TariffsItem stored = f.tariffs.of(f.building.getId()).orElseThrow();
        assertThat(stored.getTariffs()).extracting(Tariff::getMeterType, Tariff::getUnitPrice, Tariff::getVatRate)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("cold_water", 450L, "10"), org.assertj.core.groups.Tuple.tuple("electricity", 28L, "20"));
        Tariffs.SetTariffs gasOnly = new Tariffs.SetTariffs();
        gasOnly.put("gas", new Tariffs.Price(BigDecimal.valueOf(120), BigDecimal.valueOf(7)));
        f.tariffs.set(caller(f.manager), f.building.getId(), gasOnly);
        assertThat(f.tariffs.of(f.building.getId()).orElseThrow().getTariffs()).extracting(Tariff::getMeterType).as("replaced as a whole").containsExactly("gas");
        assertThatThrownBy(() -> f.tariffs.set(caller(f.owner), f.building.getId(), gasOnly))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.FORBIDDEN));

        Tariffs.SetTariffs wrong = new Tariffs.SetTariffs();
        wrong.put("water", new Tariffs.Price(BigDecimal.ONE, BigDecimal.ONE));
        wrong.put("heat", new Tariffs.Price(new BigDecimal("12.5"), new BigDecimal("101")));
        wrong.put("gas", new Tariffs.Price(null, null));
        Validator v = new Validator();
        wrong.validate(v);
        assertThat(v.errors()).extracting(FieldError::field).containsExactlyInAnyOrder("water", "heat.unitPrice", "heat.vatRate",
                "gas.unitPrice", "gas.vatRate");
        Validator none = new Validator();
        new Tariffs.SetTariffs().validate(none);
        assertThat(none.errors()).extracting(FieldError::field).containsExactly("tariffs");
    }

    @Test
    void aConsumptionRunNeedsATariffForEveryMeteredTypeOfTheBuildingAndNothingIsStoredOtherwise() {
        received(water, f.unit1.getId(), "cold_water", "m3", "100", "2026-02-01T06:00:00Z");
        received(power, f.unit2.getId(), "electricity", "kWh", "5000", "2026-02-01T07:00:00Z");
        int items = f.itemCount();
        assertThatThrownBy(() -> startConsumption("2026-03")).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.type()).isEqualTo(ProblemType.UNPROCESSABLE);
            assertThat(e.detail()).contains("no tariffs");
        });
        Tariffs.SetTariffs waterOnly = new Tariffs.SetTariffs();
        waterOnly.put("cold_water", new Tariffs.Price(BigDecimal.valueOf(450), BigDecimal.TEN));
        f.tariffs.set(caller(f.manager), f.building.getId(), waterOnly);
        items++;
        assertThatThrownBy(() -> startConsumption("2026-03")).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.type()).isEqualTo(ProblemType.UNPROCESSABLE);
            assertThat(e.extensions()).containsEntry("meterTypes", List.of("electricity"));
        });
        assertThat(f.itemCount()).isEqualTo(items);
        // Without consumption a run needs a line; with it, none.
        Validator v = new Validator();
        new BillingRunRequests.StartRun("2026-03", "2026-03-31", null, List.of(), null).validate(v);
        assertThat(v.errors()).extracting(FieldError::field).containsExactly("lines");
        Validator ok = new Validator();
        new BillingRunRequests.StartRun("2026-03", "2026-03-31", null, null, true).validate(ok);
        assertThat(ok.errors()).isEmpty();
    }
}
