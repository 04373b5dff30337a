package app.domus.finance.runs;

import static app.domus.finance.FinanceFixture.line;
import static app.domus.shared.testing.DirectoryWorld.caller;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.finance.FinanceEvents;
import app.domus.finance.FinanceFixture;
import app.domus.finance.invoices.InvoiceItem;
import app.domus.finance.invoices.InvoiceLine;
import app.domus.finance.invoices.InvoiceQueries;
import app.domus.finance.invoices.InvoiceRequests;
import app.domus.finance.invoices.InvoiceService;
import app.domus.finance.ledger.LedgerEntryItem;
import app.domus.shared.directory.UnitItem;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.FieldError;
import app.domus.shared.http.ProblemType;
import app.domus.shared.notify.NotificationRequest;
import app.domus.shared.testing.SqsEvents;
import app.domus.shared.validation.Validator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Billing runs without HTTP: the plan's exact split, the job invoicing each unit once (numbers, amounts, skipped units),
 * redelivery and resumption, the report, one run per period, who may start and see a run, and refused templates.
 */
class BillingRunsTest {
    private final FinanceFixture f = new FinanceFixture();
    /** Unit 2A: no owner, 30 m². 1A has 50 m², 1B 70.5 m². */
    private final UnitItem unit3 = f.unit(f.building, "2A");
    private final BillingRunHandler handler = new BillingRunHandler(f.idempotency, f.runs);

    BillingRunsTest() {
        area(f.unit1, 50.0);
        area(f.unit2, 70.5);
        area(unit3, 30.0);
    }

    private void area(UnitItem unit, Double area) {
        UnitItem stored = f.table.get(UnitItem.class, unit.getPk(), unit.getSk()).orElseThrow();
        stored.setAreaSquareMetres(area);
        f.table.of(UnitItem.class).updateItem(stored);
    }

    /** 100.00 per unit at 0 % and 300.00 by area at 10 %. */
    private BillingRunItem start() {
        return f.startRun("2026-03", line("Management fee", 10000, "0", "per_unit"), line("Heating advance", 30000, "10", "by_area"));
    }

    private List<InvoiceItem> buildingsInvoices() {
        return f.queries.list(caller(f.manager), new InvoiceQueries.Filter(null, f.building.getId(), null, null, null), 100, null).items();
    }

    private BillingRunItem run(String runId) {
        return f.runs.get(caller(f.manager), runId);
    }

    @Test
    void aRunInvoicesEachOwnedUnitOnceWithItsExactPartAndTheNextNumbersAndReportsToTheManager() {
        BillingRunItem started = start();
        assertThat(started.getStatus()).isEqualTo(BillingRunItem.RUNNING);
        assertThat(started.getUnitsTotal()).isEqualTo(3);
        assertThat(buildingsInvoices()).as("the request only starts the run").isEmpty();
        // The plan: 100.00 in thirds (the cent left to the first unit), 300.00 by 50 : 70.5 : 30 m², to the cent.
        BillingPlanItem plan = f.table.get(BillingPlanItem.class, BillingRunItem.pk(started.getId()), BillingPlanItem.SK).orElseThrow();
        assertThat(plan.getUnits()).extracting(PlannedUnit::getUnitNumber).containsExactly("1A", "1B", "2A");
        assertThat(plan.getUnits()).extracting(PlannedUnit::getAmounts)
                .containsExactly(List.of(3334L, 9967L), List.of(3333L, 14053L), List.of(3333L, 5980L));

        assertThat(SqsEvents.failed(f.deliverRun(handler, started.getId()))).isEmpty();

        BillingRunItem run = run(started.getId());
        assertThat(run.getStatus()).isEqualTo(BillingRunItem.COMPLETED);
        assertThat(run.getCompletedAt()).isNotNull();
        assertThat(run.invoicesOrEmpty()).extracting(RunUnit::getUnitNumber, RunUnit::getNumber, RunUnit::getTotal)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1A", "INV-2026-000001", 3334L + 9967 + 997),
                        org.assertj.core.groups.Tuple.tuple("1B", "INV-2026-000002", 3333L + 14053 + 1405));
        assertThat(run.skippedOrEmpty()).singleElement().satisfies(s -> {
            assertThat(s.getUnitNumber()).isEqualTo("2A");
            assertThat(s.getReason()).isEqualTo("no_owner");
        });
        assertThat(run.getNetTotal()).isEqualTo(3334 + 9967 + 3333 + 14053);
        assertThat(run.getVatTotal()).isEqualTo(997 + 1405);
        assertThat(run.getTotal()).isEqualTo(run.getNetTotal() + run.getVatTotal());

        InvoiceItem first = f.invoices.load(run.invoicesOrEmpty().getFirst().getInvoiceId()).orElseThrow();
        assertThat(first.getUnitId()).isEqualTo(f.unit1.getId());
        assertThat(first.getCreatedBy()).isEqualTo(f.manager);
        assertThat(first.getDueDate()).isEqualTo("2026-03-31");
        assertThat(first.getLines()).extracting(InvoiceLine::getDescription, InvoiceLine::getNet, InvoiceLine::getVat)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Management fee, 2026-03", 3334L, 0L),
                        org.assertj.core.groups.Tuple.tuple("Heating advance, 2026-03", 9967L, 997L));
        assertThat(buildingsInvoices()).hasSize(2);
        // Each invoice is charged and announced like any other: its PDF and e-mails follow from InvoiceGenerated.
        assertThat(f.ledger.account(f.unit1.getId(), "EUR", 10, null).balance()).isEqualTo(14298);
        assertThat(f.events.ofType(FinanceEvents.INVOICE_GENERATED)).extracting(e -> e.payload().path("unitId").asText())
                .containsExactly(f.unit1.getId(), f.unit2.getId());

        assertThat(f.notifications.ofTemplate("billing-run-completed")).singleElement().satisfies(report -> {
            assertThat(report.userId()).isEqualTo(f.manager);
            assertThat(report.id()).isEqualTo("billing-run-" + run.getId());
            assertThat(report.data()).containsEntry("period", "2026-03").containsEntry("building", "Tower A").containsEntry("outcome", "completed")
                    .containsEntry("invoiced", "2").containsEntry("units", "3").containsEntry("total", "330.89 EUR");
            assertThat(report.data().get("skipped")).contains("2A (The unit has no owner to invoice)");
        });
    }

    @Test
    void aRedeliveredOrRepeatedRunInvoicesNobodyTwice() {
        BillingRunItem started = start();
        f.deliverRun(handler, started.getId());
        int items = f.itemCount();
        List<String> numbers = buildingsInvoices().stream().map(InvoiceItem::getNumber).sorted().toList();

        // The same message again (the consumer's deduplication passes over it) and the job itself again, past that.
        assertThat(SqsEvents.failed(f.deliverRun(handler, started.getId()))).isEmpty();
        f.runs.process(started.getId());
        // Even a run whose record of its invoices was lost finds the invoices stored under the derived ids.
        BillingRunItem lost = f.table.get(BillingRunItem.class, BillingRunItem.pk(started.getId()), BillingRunItem.SK).orElseThrow();
        lost.setStatus(BillingRunItem.RUNNING);
        lost.setInvoices(List.of());
        lost.setSkipped(List.of());
        lost.setNetTotal(0L);
        lost.setVatTotal(0L);
        lost.setTotal(0L);
        f.table.of(BillingRunItem.class).updateItem(lost);
        f.runs.process(started.getId());

        assertThat(buildingsInvoices().stream().map(InvoiceItem::getNumber).sorted().toList()).isEqualTo(numbers);
        assertThat(f.itemCount()).as("no invoice, entry or event written again").isEqualTo(items);
        assertThat(f.ledger.account(f.unit1.getId(), "EUR", 10, null).entries().items()).extracting(LedgerEntryItem::getAmount).containsExactly(14298L);
        BillingRunItem run = run(started.getId());
        assertThat(run.getStatus()).isEqualTo(BillingRunItem.COMPLETED);
        assertThat(run.invoicesOrEmpty()).extracting(RunUnit::getNumber).containsExactly("INV-2026-000001", "INV-2026-000002");
        assertThat(run.getTotal()).isEqualTo(33089);
        assertThat(f.notifications.ofTemplate("billing-run-completed")).extracting(NotificationRequest::id).containsOnly("billing-run-" + run.getId());
    }

    @Test
    void issuingAnIdThatIsStoredAlreadyReturnsThatInvoiceAndWritesNothing() {
        InvoiceItem invoice = f.invoice();
        int items = f.itemCount();
        InvoiceItem again = f.invoices.issue(f.unit1, List.of(FinanceFixture.item("Other", "1", 999, "0")), LocalDate.parse("2026-03-31"), "EUR",
                f.manager, invoice.getId(), (transaction, issued) -> { throw new AssertionError("nothing is written for a stored id"); });
        assertThat(again.getNumber()).isEqualTo(invoice.getNumber());
        assertThat(again.getTotal()).isEqualTo(29500);
        assertThat(f.itemCount()).isEqualTo(items);
    }

    @Test
    void aRunThatFailsAfterItsFirstUnitShowsItsProgressAndResumesWithoutInvoicingThatUnitAgain() {
        AtomicInteger failures = new AtomicInteger(1);
        InvoiceService flaky = new InvoiceService(f.table, f.financeAccess, f.numbers, f.ledger, f.outbox, f.clock) {
            @Override
            public InvoiceItem issue(UnitItem unit, List<InvoiceRequests.Item> items, LocalDate due, String currency, String createdBy,
                                     String invoiceId, Alongside alongside) {
                if (unit.getId().equals(f.unit2.getId()) && failures.getAndDecrement() > 0) throw new IllegalStateException("DynamoDB went away");
                return super.issue(unit, items, due, currency, createdBy, invoiceId, alongside);
            }
        };
        BillingRunService runs = f.runs(flaky);
        BillingRunHandler flakyHandler = new BillingRunHandler(f.idempotency, runs);
        BillingRunItem started = start();

        assertThat(SqsEvents.failed(f.deliverRun(flakyHandler, started.getId()))).as("the message goes back to the queue").hasSize(1);
        BillingRunItem halfway = run(started.getId());
        assertThat(halfway.getStatus()).isEqualTo(BillingRunItem.RUNNING);
        assertThat(halfway.invoicesOrEmpty()).extracting(RunUnit::getUnitNumber).containsExactly("1A");
        assertThat(halfway.skippedOrEmpty()).isEmpty();
        assertThat(halfway.getTotal()).isEqualTo(14298);
        assertThat(halfway.getLastError()).contains("Attempt 1", "IllegalStateException");
        assertThat(f.notifications.ofTemplate("billing-run-completed")).as("no report before the end").isEmpty();

        assertThat(SqsEvents.failed(f.deliverRun(flakyHandler, started.getId()))).isEmpty();
        BillingRunItem done = run(started.getId());
        assertThat(done.getStatus()).isEqualTo(BillingRunItem.COMPLETED);
        assertThat(done.getAttempts()).isEqualTo(2);
        assertThat(done.getLastError()).isNull();
        assertThat(done.invoicesOrEmpty()).extracting(RunUnit::getUnitNumber, RunUnit::getNumber)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1A", "INV-2026-000001"), org.assertj.core.groups.Tuple.tuple("1B", "INV-2026-000002"));
        assertThat(buildingsInvoices()).hasSize(2);
        assertThat(f.ledger.account(f.unit1.getId(), "EUR", 10, null).entries().items()).hasSize(1);
        assertThat(f.notifications.ofTemplate("billing-run-completed")).hasSize(1);
    }

    @Test
    void aRunThatKeepsFailingIsGivenUpAsFailedWithWhatItDidAndTheManagerHearsOfIt() {
        InvoiceService broken = new InvoiceService(f.table, f.financeAccess, f.numbers, f.ledger, f.outbox, f.clock) {
            @Override
            public InvoiceItem issue(UnitItem unit, List<InvoiceRequests.Item> items, LocalDate due, String currency, String createdBy,
                                     String invoiceId, Alongside alongside) {
                if (unit.getId().equals(f.unit2.getId())) throw new IllegalStateException("always");
                return super.issue(unit, items, due, currency, createdBy, invoiceId, alongside);
            }
        };
        BillingRunHandler brokenHandler = new BillingRunHandler(f.idempotency, f.runs(broken));
        BillingRunItem started = start();
        for (int delivery = 1; delivery <= BillingRunService.MAX_ATTEMPTS; delivery++) {
            assertThat(SqsEvents.failed(f.deliverRun(brokenHandler, started.getId()))).as("delivery %d", delivery).hasSize(1);
        }
        assertThat(SqsEvents.failed(f.deliverRun(brokenHandler, started.getId()))).isEmpty();
        BillingRunItem run = run(started.getId());
        assertThat(run.getStatus()).isEqualTo(BillingRunItem.FAILED);
        assertThat(run.invoicesOrEmpty()).extracting(RunUnit::getUnitNumber).containsExactly("1A");
        assertThat(f.notifications.ofTemplate("billing-run-completed")).singleElement()
                .satisfies(n -> assertThat(n.data().get("outcome")).isEqualTo("stopped after 3 failed attempts"));
    }

    @Test
    void aUnitWhoseAccountIsInAnotherCurrencyIsSkippedWithTheReasonAndTheOthersAreInvoiced() {
        f.invoices.create(caller(f.manager), new InvoiceRequests.CreateInvoice(f.unit1.getId(), List.of(FinanceFixture.item("Fee", "1", 100, "0")),
                "2026-03-31", "USD"));
        BillingRunItem started = start();
        f.deliverRun(handler, started.getId());
        BillingRunItem run = run(started.getId());
        assertThat(run.getStatus()).isEqualTo(BillingRunItem.COMPLETED);
        assertThat(run.invoicesOrEmpty()).extracting(RunUnit::getUnitNumber).containsExactly("1B");
        assertThat(run.skippedOrEmpty()).extracting(RunUnit::getUnitNumber, RunUnit::getReason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1A", "refused"), org.assertj.core.groups.Tuple.tuple("2A", "no_owner"));
        assertThat(run.skippedOrEmpty().getFirst().getDetail()).contains("USD");
    }

    @Test
    void byShareSplitsInProportionToTheUnitsRecordedOwnershipShares() {
        // 1A and 1B have 1/1 each in the fixture; 2A gets co-owners with 1/4 and 1/4: weights 1 : 1 : 1/2.
        f.own(f.user("co-owner-1"), unit3, 1, 4);
        f.own(f.user("co-owner-2"), unit3, 1, 4);
        BillingRunItem started = f.startRun("2026-04", line("Reserve fund", 100001, "0", "by_share"));
        BillingPlanItem plan = f.table.get(BillingPlanItem.class, BillingRunItem.pk(started.getId()), BillingPlanItem.SK).orElseThrow();
        assertThat(plan.getUnits()).extracting(u -> u.getAmounts().getFirst()).containsExactly(40001L, 40000L, 20000L);
        f.deliverRun(handler, started.getId());
        assertThat(run(started.getId()).invoicesOrEmpty()).extracting(RunUnit::getTotal).containsExactly(40001L, 40000L, 20000L);
    }

    @Test
    void oneRunPerBuildingAndPeriodASecondIsRefusedNamingTheFirst() {
        BillingRunItem first = start();
        int items = f.itemCount();
        assertThatThrownBy(this::start).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.type()).isEqualTo(ProblemType.CONFLICT);
            assertThat(e.detail()).contains("2026-03", first.getId());
            assertThat(e.extensions()).containsEntry("runId", first.getId());
        });
        assertThat(f.itemCount()).isEqualTo(items);
        assertThat(f.startRun("2026-04", line("Management fee", 10000, "0", "per_unit")).getPeriod()).isEqualTo("2026-04");
    }

    @Test
    void onlyTheBuildingsManagersStartAndSeeRunsToOthersTheyDoNotExist() {
        var request = new BillingRunRequests.StartRun("2026-03", "2026-03-31", null, List.of(line("Fee", 100, "0", "per_unit")));
        int items = f.itemCount();
        assertThatThrownBy(() -> f.runs.start(caller(f.owner), f.building.getId(), request))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.FORBIDDEN));
        assertThatThrownBy(() -> f.runs.start(caller(f.technician), f.building.getId(), request))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.FORBIDDEN));
        assertThatThrownBy(() -> f.runs.start(caller(f.outsider), f.building.getId(), request))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.NOT_FOUND));
        assertThat(f.itemCount()).isEqualTo(items);

        BillingRunItem run = start();
        for (String who : List.of(f.owner, f.tenant, f.technician, f.financeDelegate, f.outsider)) {
            assertThatThrownBy(() -> f.runs.get(caller(who), run.getId())).as(who)
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.detail()).isEqualTo("The billing run was not found"));
        }
        assertThatThrownBy(() -> f.runs.get(caller(f.manager), "01NOPE")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.type()).isEqualTo(ProblemType.NOT_FOUND));
        String admin = f.user("admin");
        f.member(admin, f.org, app.domus.shared.directory.Role.ORG_ADMIN, null, null);
        assertThat(f.runs.get(caller(admin), run.getId()).getId()).isEqualTo(run.getId());
    }

    @Test
    void everyWrongFieldIsReportedAtOnce() {
        var request = new BillingRunRequests.StartRun("2026-13", "31.03.2026", "EURO", List.of(
                new BillingRunRequests.Line("", new BigDecimal("12.5"), new BigDecimal("101"), "by_floor"),
                new BillingRunRequests.Line("<b>x</b>", new BigDecimal("0"), new BigDecimal("20.125"), null)));
        Validator v = new Validator();
        request.validate(v);
        assertThat(v.errors()).extracting(FieldError::field).containsExactlyInAnyOrder("period", "dueDate", "currency",
                "lines.0.description", "lines.0.amount", "lines.0.vatRate", "lines.0.split",
                "lines.1.description", "lines.1.amount", "lines.1.vatRate", "lines.1.split");
        Validator none = new Validator();
        new BillingRunRequests.StartRun(null, null, null, null).validate(none);
        assertThat(none.errors()).extracting(FieldError::field).containsExactlyInAnyOrder("period", "dueDate", "lines");
    }

    @Test
    void aPastDueDateAndSplitsOverUnitsWithoutAnAreaOrShareAreRefusedWithNothingStored() {
        var empty = f.building(f.org, "Empty");
        f.member(f.manager, f.org, app.domus.shared.directory.Role.MANAGER, empty.getId(), null);
        area(f.unit2, null);
        int items = f.itemCount();
        assertThatThrownBy(() -> f.runs.start(caller(f.manager), f.building.getId(), new BillingRunRequests.StartRun("2026-03", "2026-03-01", null,
                List.of(line("Fee", 100, "0", "per_unit"))))).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("dueDate"));

        assertThatThrownBy(() -> f.startRun("2026-03", line("Heating", 100, "0", "by_area"))).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.type()).isEqualTo(ProblemType.UNPROCESSABLE);
            assertThat(e.type().status()).isEqualTo(422);
            assertThat(e.extensions().get("units")).isEqualTo(List.of(Map.of("unitId", f.unit2.getId(), "number", "1B", "missing", "area")));
        });
        // 2A has no owner, hence no recorded share.
        assertThatThrownBy(() -> f.startRun("2026-03", line("Reserve", 100, "0", "by_share"))).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.type()).isEqualTo(ProblemType.UNPROCESSABLE);
            assertThat(e.extensions().get("units")).isEqualTo(List.of(Map.of("unitId", unit3.getId(), "number", "2A", "missing", "share")));
        });
        assertThatThrownBy(() -> f.runs.start(caller(f.manager), empty.getId(), new BillingRunRequests.StartRun("2026-03", "2026-03-31", null,
                List.of(line("Fee", 100, "0", "per_unit"))))).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.type()).isEqualTo(ProblemType.UNPROCESSABLE));
        assertThat(f.itemCount()).isEqualTo(items);
        // Nothing was taken: the period is still free.
        assertThat(f.startRun("2026-03", line("Fee", 100, "0", "per_unit")).getStatus()).isEqualTo(BillingRunItem.RUNNING);
    }
}
