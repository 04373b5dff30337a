package app.domus.finance.runs;

import static app.domus.finance.FinanceFixture.line;
import static app.domus.shared.testing.DirectoryWorld.caller;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.finance.FinanceEvents;
import app.domus.finance.FinanceFixture;
import app.domus.shared.testing.Refusals;
import app.domus.finance.consumption.Tariffs;
import app.domus.finance.consumption.TariffsItem;
import app.domus.finance.invoices.InvoiceItem;
import app.domus.finance.invoices.InvoiceLine;
import app.domus.shared.directory.UnitItem;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.ProblemType;
import app.domus.shared.persistence.TableItem;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/** What a billing run records when it starts, as it goes and when it ends; units with nothing to invoice; lost reports. */
class BillingRunRecordsTest {
    private final FinanceFixture f = new FinanceFixture();

    private BillingRunItem stored(String runId) {
        return f.runs.load(runId).orElseThrow();
    }

    @Test
    void aStartedRunRecordsItsTemplateItsPlaceAndNothingDoneYetAndClaimsItsPeriod() {
        f.clock.set(Instant.parse("2026-03-03T08:15:00Z"));
        BillingRunItem started = f.startRun("2026-03", line("  Management fee  ", 10001, "10.0", "per_unit"),
                line("Reserve", 5000, "0", "by_share"));
        assertThat(started.getVersion()).isEqualTo(1L);

        BillingRunItem run = stored(started.getId());
        assertThat(run.getId()).isEqualTo(started.getId());
        assertThat(run.getOrganisationId()).isEqualTo(f.org);
        assertThat(run.getBuildingId()).isEqualTo(f.building.getId());
        assertThat(run.getBuildingName()).isEqualTo("Tower A");
        assertThat(run.getPeriod()).isEqualTo("2026-03");
        assertThat(run.getDueDate()).isEqualTo("2026-03-31");
        assertThat(run.getCurrency()).isEqualTo("EUR");
        assertThat(run.getConsumption()).isNull();
        assertThat(run.getTariffs()).isNull();
        assertThat(run.getLines()).extracting(RunLine::getDescription, RunLine::getAmount, RunLine::getVatRate, RunLine::getSplit)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Management fee", 10001L, "10", "PER_UNIT"),
                        org.assertj.core.groups.Tuple.tuple("Reserve", 5000L, "0", "BY_SHARE"));
        assertThat(run.getStatus()).isEqualTo(BillingRunItem.RUNNING);
        assertThat(run.getUnitsTotal()).isEqualTo(2);
        assertThat(run.getInvoices()).isEmpty();
        assertThat(run.getSkipped()).isEmpty();
        assertThat(run.getNetTotal()).isZero();
        assertThat(run.getVatTotal()).isZero();
        assertThat(run.getTotal()).isZero();
        assertThat(run.getStartedBy()).isEqualTo(f.manager);
        assertThat(run.getStartedAt()).isEqualTo("2026-03-03T08:15:00Z");
        assertThat(run.getAttempts()).isZero();
        assertThat(run.getCompletedAt()).isNull();

        BillingPeriodItem period = f.table.get(BillingPeriodItem.class, BillingPeriodItem.pk(f.building.getId()), BillingPeriodItem.sk("2026-03")).orElseThrow();
        assertThat(period.getRunId()).isEqualTo(run.getId());
        assertThat(period.getBuildingId()).isEqualTo(f.building.getId());
        assertThat(period.getPeriod()).isEqualTo("2026-03");
        BillingPlanItem plan = f.table.get(BillingPlanItem.class, BillingRunItem.pk(run.getId()), BillingPlanItem.SK).orElseThrow();
        assertThat(plan.getRunId()).isEqualTo(run.getId());
        assertThat(plan.getUnits()).extracting(PlannedUnit::getUnitId).containsExactly(f.unit1.getId(), f.unit2.getId());
        assertThat(plan.getUnits()).extracting(PlannedUnit::getAmounts).containsExactly(List.of(5001L, 2500L), List.of(5000L, 2500L));

        assertThat(f.events.ofType(FinanceEvents.BILLING_RUN_STARTED)).singleElement().satisfies(e -> {
            assertThat(e.payload().path("runId").asText()).isEqualTo(run.getId());
            assertThat(e.payload().path("organisationId").asText()).isEqualTo(f.org);
            assertThat(e.payload().path("buildingId").asText()).isEqualTo(f.building.getId());
            assertThat(e.payload().path("period").asText()).isEqualTo("2026-03");
            assertThat(e.payload().path("startedBy").asText()).isEqualTo(f.manager);
        });
    }

    @Test
    void aBuildingsRunsAreListedByPeriod() {
        BillingRunItem april = f.startRun("2026-04", line("Fee", 100, "0", "per_unit"));
        BillingRunItem march = f.startRun("2026-03", line("Fee", 100, "0", "per_unit"));
        List<BillingRunItem> listed = f.table.allInIndex(BillingRunItem.class, TableItem.GSI1, BillingRunItem.byBuilding(f.building.getId()));
        assertThat(listed).extracting(BillingRunItem::getId).containsExactly(march.getId(), april.getId());
        assertThat(listed).extracting(TableItem::getGsi1sk).containsExactly("2026-03#" + march.getId(), "2026-04#" + april.getId());
    }

    @Test
    void aRunStartedAtTheSameTimeForTheSamePeriodLosesTheClaimAndIsTold409NamingTheWinner() {
        Tariffs.SetTariffs prices = new Tariffs.SetTariffs();
        prices.put("cold_water", new Tariffs.Price(BigDecimal.valueOf(450), BigDecimal.TEN));
        f.tariffs.set(caller(f.manager), f.building.getId(), prices);
        AtomicBoolean raced = new AtomicBoolean();
        // The other run claims the period after this one checked it, while this one reads the tariffs.
        Tariffs racing = new Tariffs(f.table, f.financeAccess, f.clock) {
            @Override
            public Optional<TariffsItem> of(String buildingId) {
                if (raced.compareAndSet(false, true)) {
                    BillingPeriodItem claim = new BillingPeriodItem();
                    claim.setPk(BillingPeriodItem.pk(buildingId));
                    claim.setSk(BillingPeriodItem.sk("2026-03"));
                    claim.setBuildingId(buildingId);
                    claim.setPeriod("2026-03");
                    claim.setRunId("01JWINNERRUN00000000000000");
                    f.table.of(BillingPeriodItem.class).putItem(claim);
                }
                return super.of(buildingId);
            }
        };
        BillingRunService runs = new BillingRunService(f.table, f.financeAccess, f.access, f.invoices, f.outbox, f.notifications, racing,
                f.consumption, f.clock);
        int items = f.itemCount();
        var request = new BillingRunRequests.StartRun("2026-03", "2026-03-31", null, List.of(), true);
        assertThatThrownBy(() -> runs.start(caller(f.manager), f.building.getId(), request)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.type()).isEqualTo(ProblemType.CONFLICT);
            assertThat(e.detail()).isEqualTo("The building's period 2026-03 is billed already, by run 01JWINNERRUN00000000000000");
            assertThat(e.extensions()).containsEntry("runId", "01JWINNERRUN00000000000000")
                    .containsEntry("run", "/billing-runs/01JWINNERRUN00000000000000");
        });
        assertThat(f.itemCount()).as("only the winner's claim").isEqualTo(items + 1);
        assertThat(f.events.ofType(FinanceEvents.BILLING_RUN_STARTED)).isEmpty();
    }

    @Test
    void aConsumptionRunRecordsTheTariffsItBillsAt() {
        Tariffs.SetTariffs prices = new Tariffs.SetTariffs();
        prices.put("cold_water", new Tariffs.Price(BigDecimal.valueOf(450), new BigDecimal("10.00")));
        f.tariffs.set(caller(f.manager), f.building.getId(), prices);
        BillingRunItem started = f.runs.start(caller(f.manager), f.building.getId(),
                new BillingRunRequests.StartRun("2026-03", "2026-03-31", "EUR", null, true));
        BillingRunItem run = stored(started.getId());
        assertThat(run.getConsumption()).isTrue();
        assertThat(run.billsConsumption()).isTrue();
        assertThat(run.getLines()).isEmpty();
        assertThat(run.getTariffs()).singleElement().satisfies(t -> {
            assertThat(t.getMeterType()).isEqualTo("cold_water");
            assertThat(t.getUnitPrice()).isEqualTo(450);
            assertThat(t.getVatRate()).isEqualTo("10");
        });
        // No meters: the units have nothing to bill.
        f.runs.process(run.getId());
        assertThat(stored(run.getId()).skippedOrEmpty()).extracting(RunUnit::getReason).containsExactly("nothing_to_invoice", "nothing_to_invoice");
    }

    @Test
    void aUnitGetsOnlyTheLinesItsPartOfIsMoreThanNothingAndAUnitWithNothingIsSkipped() {
        // One cent per unit over two units: 1A takes it, 1B's part is 0.
        BillingRunItem cent = f.startRun("2026-03", line("Rounding", 1, "0", "per_unit"), line("Fee", 1000, "20", "per_unit"));
        f.runs.process(cent.getId());
        BillingRunItem run = stored(cent.getId());
        assertThat(run.invoicesOrEmpty()).extracting(RunUnit::getUnitNumber).containsExactly("1A", "1B");
        InvoiceItem first = f.invoices.load(run.invoicesOrEmpty().get(0).getInvoiceId()).orElseThrow();
        InvoiceItem second = f.invoices.load(run.invoicesOrEmpty().get(1).getInvoiceId()).orElseThrow();
        assertThat(first.getLines()).extracting(InvoiceLine::getDescription).containsExactly("Rounding, 2026-03", "Fee, 2026-03");
        assertThat(second.getLines()).extracting(InvoiceLine::getDescription).containsExactly("Fee, 2026-03");
        assertThat(second.getLines()).extracting(InvoiceLine::getQuantity, InvoiceLine::getUnitPrice, InvoiceLine::getVatRate)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1", 500L, "20"));
        assertThat(run.invoicesOrEmpty()).extracting(RunUnit::getTotal).containsExactly(601L, 600L);
        assertThat(run.getNetTotal()).isEqualTo(1001);
        assertThat(run.getVatTotal()).isEqualTo(200);
        assertThat(run.getTotal()).isEqualTo(1201);

        BillingRunItem only = f.startRun("2026-04", line("Rounding", 1, "0", "per_unit"));
        f.runs.process(only.getId());
        BillingRunItem second2 = stored(only.getId());
        assertThat(second2.invoicesOrEmpty()).extracting(RunUnit::getUnitNumber).containsExactly("1A");
        assertThat(second2.skippedOrEmpty()).singleElement().satisfies(s -> {
            assertThat(s.getUnitId()).isEqualTo(f.unit2.getId());
            assertThat(s.getUnitNumber()).isEqualTo("1B");
            assertThat(s.getReason()).isEqualTo("nothing_to_invoice");
            assertThat(s.getDetail()).isEqualTo("The unit's part of every line is 0, and it has no metered use to bill");
            assertThat(s.getInvoiceId()).isNull();
        });
        assertThat(f.notifications.ofTemplate("billing-run-completed")).last().satisfies(n -> {
            assertThat(n.data()).containsEntry("invoiced", "1").containsEntry("units", "2").containsEntry("total", "0.01 EUR");
            assertThat(n.data().get("skipped")).isEqualTo("\n\nNot invoiced: 1B (The unit's part of every line is 0, and it has no metered use to bill).");
        });
    }

    @Test
    void aUnitRemovedAfterTheRunStartedIsSkippedAsRemoved() {
        BillingRunItem started = f.startRun("2026-03", line("Fee", 1000, "0", "per_unit"));
        f.table.of(UnitItem.class).deleteItem(Key.builder().partitionValue(f.unit2.getPk()).sortValue(f.unit2.getSk()).build());
        f.runs.process(started.getId());
        BillingRunItem run = stored(started.getId());
        assertThat(run.getStatus()).isEqualTo(BillingRunItem.COMPLETED);
        assertThat(run.invoicesOrEmpty()).extracting(RunUnit::getUnitNumber, RunUnit::getTotal)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1A", 500L));
        assertThat(run.skippedOrEmpty()).extracting(RunUnit::getUnitNumber, RunUnit::getReason, RunUnit::getDetail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1B", "unit_removed", "The unit was removed after the run started"));
        assertThat(f.notifications.ofTemplate("billing-run-completed")).singleElement()
                .satisfies(n -> assertThat(n.data()).containsEntry("total", "5.00 EUR").containsEntry("skipped",
                        "\n\nNot invoiced: 1B (The unit was removed after the run started)."));
    }

    @Test
    void aRunWithoutSkippedUnitsReportsNoneAndRecordsWhenItCompleted() {
        BillingRunItem started = f.startRun("2026-03", line("Fee", 1000, "0", "per_unit"));
        f.clock.set(Instant.parse("2026-03-02T09:05:00Z"));
        f.runs.process(started.getId());
        BillingRunItem run = stored(started.getId());
        assertThat(run.getCompletedAt()).isEqualTo("2026-03-02T09:05:00Z");
        assertThat(run.getAttempts()).isEqualTo(1);
        assertThat(f.notifications.ofTemplate("billing-run-completed")).singleElement().satisfies(n -> {
            assertThat(n.data()).containsEntry("skipped", "").containsEntry("invoiced", "2").containsEntry("total", "10.00 EUR");
            assertThat(n.category()).isEqualTo(app.domus.shared.notify.Category.FINANCE);
        });
    }

    @Test
    void aCompletedRunWhoseReportWasLostReportsWhenDeliveredAgain() {
        BillingRunItem started = f.startRun("2026-03", line("Fee", 1000, "0", "per_unit"));
        // The job stopped after marking the run completed and before reporting it.
        BillingRunItem run = stored(started.getId());
        run.setStatus(BillingRunItem.COMPLETED);
        f.table.of(BillingRunItem.class).updateItem(run);
        f.runs.process(started.getId());
        assertThat(f.notifications.ofTemplate("billing-run-completed")).singleElement().satisfies(n -> {
            assertThat(n.id()).isEqualTo("billing-run-" + started.getId());
            assertThat(n.data()).containsEntry("outcome", "completed").containsEntry("invoiced", "0");
        });
        assertThat(stored(started.getId()).getAttempts()).as("a finished run is not attempted again").isZero();
    }

    @Test
    void theThirdAttemptIsStillMadeTheFourthGivesUpAndRecordsWhen() {
        BillingRunItem started = f.startRun("2026-03", line("Fee", 1000, "0", "per_unit"));
        BillingRunItem run = stored(started.getId());
        run.setAttempts(2);
        f.table.of(BillingRunItem.class).updateItem(run);
        f.runs.process(started.getId());
        assertThat(stored(started.getId()).getStatus()).isEqualTo(BillingRunItem.COMPLETED);
        assertThat(stored(started.getId()).getAttempts()).isEqualTo(3);

        BillingRunItem other = f.startRun("2026-04", line("Fee", 1000, "0", "per_unit"));
        BillingRunItem tried = stored(other.getId());
        tried.setAttempts(3);
        f.table.of(BillingRunItem.class).updateItem(tried);
        f.clock.set(Instant.parse("2026-03-02T11:00:00Z"));
        f.runs.process(other.getId());
        BillingRunItem failed = stored(other.getId());
        assertThat(failed.getStatus()).isEqualTo(BillingRunItem.FAILED);
        assertThat(failed.getAttempts()).isEqualTo(4);
        assertThat(failed.getCompletedAt()).isEqualTo("2026-03-02T11:00:00Z");
        assertThat(failed.invoicesOrEmpty()).isEmpty();
        assertThat(f.notifications.ofTemplate("billing-run-completed")).last()
                .satisfies(n -> assertThat(n.data()).containsEntry("outcome", "stopped after 3 failed attempts").containsEntry("invoiced", "0"));
    }

    @Test
    void aRunWhosePlanIsLostFailsTheAttemptAndSaysSo() {
        BillingRunItem started = f.startRun("2026-03", line("Fee", 1000, "0", "per_unit"));
        f.table.of(BillingPlanItem.class).deleteItem(Key.builder().partitionValue(BillingRunItem.pk(started.getId())).sortValue(BillingPlanItem.SK).build());
        assertThatThrownBy(() -> f.runs.process(started.getId())).isInstanceOf(IllegalStateException.class)
                .hasMessage("Billing run " + started.getId() + " has no plan");
        BillingRunItem run = stored(started.getId());
        assertThat(run.getStatus()).isEqualTo(BillingRunItem.RUNNING);
        assertThat(run.getLastError()).isEqualTo("Attempt 1 stopped (IllegalStateException); it is tried again");
        assertThatThrownBy(() -> f.runs.process("01JNORUN000000000000000000")).isInstanceOf(IllegalStateException.class)
                .hasMessage("Billing run 01JNORUN000000000000000000 is not stored");
    }

    @Test
    void aRunOfABuildingWithoutTariffsOrWithAnUnpricedMeterTypeIsRefused() {
        var request = new BillingRunRequests.StartRun("2026-03", "2026-03-31", null, List.of(), true);
        assertThat(Refusals.status(() -> f.runs.start(caller(f.manager), f.building.getId(), request))).isEqualTo(422);
        assertThat(Refusals.detail(() -> f.runs.start(caller(f.manager), f.building.getId(), request)))
                .isEqualTo("The building has no tariffs to bill consumption at; set them with PUT /buildings/" + f.building.getId() + "/tariffs");
    }
}
