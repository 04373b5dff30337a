package app.domus.finance.runs;

import app.domus.finance.FinanceAccess;
import app.domus.finance.FinanceEvents;
import app.domus.finance.consumption.Consumption;
import app.domus.finance.consumption.MeterReadingItem;
import app.domus.finance.consumption.Tariff;
import app.domus.finance.consumption.Tariffs;
import app.domus.finance.invoices.InvoiceItem;
import app.domus.finance.invoices.InvoiceRequests;
import app.domus.finance.invoices.InvoiceService;
import app.domus.finance.money.Money;
import app.domus.shared.access.AccessService;
import app.domus.shared.auth.Caller;
import app.domus.shared.directory.BuildingItem;
import app.domus.shared.directory.MembershipItem;
import app.domus.shared.directory.OwnershipItem;
import app.domus.shared.directory.Role;
import app.domus.shared.directory.UnitItem;
import app.domus.shared.events.Outbox;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.ProblemType;
import app.domus.shared.ids.Ids;
import app.domus.shared.notify.Category;
import app.domus.shared.notify.NotificationRequest;
import app.domus.shared.notify.NotificationSender;
import app.domus.shared.persistence.DomusTable;
import app.domus.shared.persistence.TableItem;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Billing runs: a building's units invoiced from one template for one period, as a job. {@link #start} checks the
 * template, fixes the plan (each unit's part of each line, {@link BillingPlan}) and stores the run, its period's claim,
 * the plan and {@code BillingRunStarted} in one transaction; {@link #process} (the job, on that event) invoices the units
 * one by one through {@link InvoiceService#issue}, each under an id derived from the run and the unit, with the run's
 * progress in the invoice's own transaction: a unit is invoiced exactly when the run says so, and a run delivered again
 * or resumed after a failure goes on where it stopped, invoicing nobody twice. At the end the manager who started it
 * gets the report ({@code billing-run-completed}).
 */
@Singleton
public class BillingRunService {
    /** Deliveries of a run's job before it is given up as failed (the queue redelivers up to five times). */
    static final int MAX_ATTEMPTS = 3;
    private static final Logger LOG = LoggerFactory.getLogger(BillingRunService.class);

    private final DomusTable table;
    private final FinanceAccess access;
    private final AccessService directory;
    private final InvoiceService invoices;
    private final Outbox outbox;
    private final NotificationSender notifications;
    private final Tariffs tariffs;
    private final Consumption consumption;
    private final java.time.Clock clock;

    @Inject
    public BillingRunService(DomusTable table, FinanceAccess access, AccessService directory, InvoiceService invoices, Outbox outbox,
                             NotificationSender notifications, Tariffs tariffs, Consumption consumption, java.time.Clock clock) {
        this.table = table;
        this.access = access;
        this.directory = directory;
        this.invoices = invoices;
        this.outbox = outbox;
        this.notifications = notifications;
        this.tariffs = tariffs;
        this.consumption = consumption;
        this.clock = clock;
    }

    /** Starts the run of the building's period; 409 naming the run when the period has one already. */
    public BillingRunItem start(Caller caller, String buildingId, BillingRunRequests.StartRun request) {
        BuildingItem building = access.managedBuilding(caller, buildingId);
        LocalDate due = InvoiceRequests.date(request.dueDate());
        InvoiceService.checkDueDate(due, invoices.today());
        table.get(BillingPeriodItem.class, BillingPeriodItem.pk(buildingId), BillingPeriodItem.sk(request.period()))
                .ifPresent(taken -> { throw periodTaken(request.period(), taken.getRunId()); });
        List<UnitItem> units = table.allInIndex(UnitItem.class, TableItem.GSI1, UnitItem.byBuilding(buildingId));
        List<OwnershipItem> ownerships = table.allInIndex(OwnershipItem.class, TableItem.GSI2, OwnershipItem.byBuilding(buildingId));
        List<PlannedUnit> planned = BillingPlan.of(units, request.linesOrEmpty(), ownerships);
        List<Tariff> prices = request.billsConsumption() ? tariffsFor(buildingId) : null;

        String runId = Ids.newId();
        Instant now = clock.instant();
        BillingRunItem run = new BillingRunItem();
        run.setId(runId);
        run.setPk(BillingRunItem.pk(runId));
        run.setSk(BillingRunItem.SK);
        run.setGsi1pk(BillingRunItem.byBuilding(buildingId));
        run.setGsi1sk(request.period() + "#" + runId);
        run.setOrganisationId(building.getOrganisationId());
        run.setBuildingId(buildingId);
        run.setBuildingName(building.getName());
        run.setPeriod(request.period());
        run.setDueDate(due.toString());
        run.setCurrency(request.currencyOrDefault());
        run.setConsumption(request.billsConsumption() ? Boolean.TRUE : null);
        run.setTariffs(prices);
        run.setLines(request.linesOrEmpty().stream().map(l -> RunLine.of(l.description().strip(), l.amount().longValueExact(),
                l.vatRate().stripTrailingZeros().toPlainString(), l.splitValue().name())).toList());
        run.setStatus(BillingRunItem.RUNNING);
        run.setUnitsTotal(planned.size());
        run.setInvoices(List.of());
        run.setSkipped(List.of());
        run.setNetTotal(0L);
        run.setVatTotal(0L);
        run.setTotal(0L);
        run.setStartedBy(caller.userId());
        run.setStartedAt(now.toString());
        run.setAttempts(0);

        BillingPeriodItem period = new BillingPeriodItem();
        period.setPk(BillingPeriodItem.pk(buildingId));
        period.setSk(BillingPeriodItem.sk(request.period()));
        period.setBuildingId(buildingId);
        period.setPeriod(request.period());
        period.setRunId(runId);

        BillingPlanItem plan = new BillingPlanItem();
        plan.setPk(BillingRunItem.pk(runId));
        plan.setSk(BillingPlanItem.SK);
        plan.setRunId(runId);
        plan.setUnits(planned);

        var transaction = TransactWriteItemsEnhancedRequest.builder()
                .addPutItem(table.of(BillingRunItem.class), run)
                .addPutItem(table.of(BillingPeriodItem.class), period)
                .addPutItem(table.of(BillingPlanItem.class), plan);
        outbox.add(transaction, FinanceEvents.BILLING_RUN_STARTED, building.getOrganisationId(), runId,
                new FinanceEvents.BillingRunStarted(runId, building.getOrganisationId(), buildingId, request.period(), caller.userId()));
        try {
            table.client().transactWriteItems(transaction.build());
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
            if (reasons.size() > 1 && "ConditionalCheckFailed".equals(reasons.get(1).code())) {
                String other = table.get(BillingPeriodItem.class, period.getPk(), period.getSk()).map(BillingPeriodItem::getRunId).orElse(null);
                throw periodTaken(request.period(), other);
            }
            throw e;
        }
        run.setVersion(1L);
        return run;
    }

    /** The run, for its building's managers; to everyone else it does not exist. */
    public BillingRunItem get(Caller caller, String runId) {
        BillingRunItem run = load(runId).orElseThrow(() -> ApiException.notFound("The billing run"));
        try {
            access.managedBuilding(caller, run.getBuildingId());
        } catch (ApiException e) {
            if (e.type() == ProblemType.NOT_FOUND || e.type() == ProblemType.FORBIDDEN) throw ApiException.notFound("The billing run");
            throw e;
        }
        return run;
    }

    /**
     * The job: invoices every unit of the plan that the run has not done yet, then completes the run and reports it. Safe
     * to run again at any point; throws (for the queue to redeliver) when a unit could not be invoiced for a passing reason.
     */
    public void process(String runId) {
        BillingRunItem run = loadFresh(runId);
        if (!BillingRunItem.RUNNING.equals(run.getStatus())) {
            report(run);
            return;
        }
        int attempt = (run.getAttempts() == null ? 0 : run.getAttempts()) + 1;
        run.setAttempts(attempt);
        if (attempt > MAX_ATTEMPTS) {
            run.setStatus(BillingRunItem.FAILED);
            run.setCompletedAt(clock.instant().toString());
            table.of(BillingRunItem.class).updateItem(run);
            report(run);
            return;
        }
        run = table.of(BillingRunItem.class).updateItem(run);
        try {
            run = invoiceUnits(run);
        } catch (RuntimeException e) {
            noteFailure(runId, e);
            throw e;
        }
        run.setStatus(BillingRunItem.COMPLETED);
        run.setCompletedAt(clock.instant().toString());
        run.setLastError(null);
        run = table.of(BillingRunItem.class).updateItem(run);
        report(run);
    }

    private BillingRunItem invoiceUnits(BillingRunItem run) {
        BillingPlanItem plan = table.get(BillingPlanItem.class, BillingRunItem.pk(run.getId()), BillingPlanItem.SK)
                .orElseThrow(() -> new IllegalStateException("Billing run " + run.getId() + " has no plan"));
        Set<String> owned = directory.membersOf(run.getBuildingId(), Role.OWNER).stream().map(MembershipItem::getUnitId)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        LocalDate due = LocalDate.parse(run.getDueDate());
        long startedAt = Instant.parse(run.getStartedAt()).toEpochMilli();
        BillingRunItem current = run;
        for (PlannedUnit planned : plan.getUnits()) {
            if (current.done(planned.getUnitId())) continue;
            UnitItem unit = table.get(UnitItem.class, UnitItem.pk(planned.getUnitId()), "PROFILE").orElse(null);
            String invoiceId = Ids.derived(startedAt, "billing-run/" + run.getId() + "/" + planned.getUnitId());
            List<InvoiceRequests.Item> items = new ArrayList<>(items(current, planned));
            List<Consumption.Metered> metered = unit != null && owned.contains(unit.getId()) && current.billsConsumption()
                    ? consumption.ofUnit(unit.getId(), current.getTariffs(), run.getId(), invoiceId) : List.of();
            metered.forEach(m -> items.add(m.item()));
            if (unit == null) {
                current = skip(current, planned, "unit_removed", "The unit was removed after the run started");
            } else if (!owned.contains(unit.getId())) {
                current = skip(current, planned, "no_owner", "The unit has no owner to invoice");
            } else if (items.isEmpty()) {
                current = skip(current, planned, "nothing_to_invoice", "The unit's part of every line is 0, and it has no metered use to bill");
            } else {
                InvoiceItem invoice;
                try {
                    invoice = invoices.issue(unit, items, due, current.getCurrency(), current.getStartedBy(), invoiceId, (transaction, issued) -> {
                        transaction.addUpdateItem(table.of(BillingRunItem.class), recorded(run.getId(), issued));
                        consumption.addMoves(transaction, metered);
                    });
                } catch (ApiException e) {
                    // Refused for good (the unit's account is kept in another currency): reported, not retried.
                    if (e.type() != ProblemType.VALIDATION) throw e;
                    current = skip(loadFresh(run.getId()), planned, "refused", e.errors().isEmpty() ? e.detail()
                            : e.errors().getFirst().field() + " " + e.errors().getFirst().message());
                    continue;
                }
                current = loadFresh(run.getId());
                // The invoice was stored before, yet the run does not list it (its record was lost): listed now.
                if (!current.done(unit.getId())) current = table.of(BillingRunItem.class).updateItem(recorded(run.getId(), invoice));
            }
        }
        return current;
    }

    /** The run as it will be once this invoice is stored: read afresh on every attempt of the invoice's transaction. */
    private BillingRunItem recorded(String runId, InvoiceItem invoice) {
        BillingRunItem run = loadFresh(runId);
        run.addInvoice(RunUnit.invoiced(invoice.getUnitId(), invoice.getUnitNumber(), invoice.getId(), invoice.getNumber(), invoice.getTotal()),
                invoice.getNetTotal(), invoice.getVatTotal());
        return run;
    }

    private BillingRunItem skip(BillingRunItem run, PlannedUnit unit, String reason, String detail) {
        run.addSkipped(RunUnit.skipped(unit.getUnitId(), unit.getUnitNumber(), reason, detail));
        return table.of(BillingRunItem.class).updateItem(run);
    }

    /** The unit's lines: one per template line its part of which is more than 0, at quantity 1. */
    private static List<InvoiceRequests.Item> items(BillingRunItem run, PlannedUnit unit) {
        List<InvoiceRequests.Item> items = new ArrayList<>();
        for (int i = 0; i < run.getLines().size(); i++) {
            long amount = unit.getAmounts().get(i);
            if (amount <= 0) continue;
            RunLine line = run.getLines().get(i);
            items.add(new InvoiceRequests.Item(line.getDescription() + ", " + run.getPeriod(), BigDecimal.ONE, BigDecimal.valueOf(amount),
                    new BigDecimal(line.getVatRate())));
        }
        return items;
    }

    private void noteFailure(String runId, RuntimeException e) {
        try {
            BillingRunItem run = loadFresh(runId);
            run.setLastError("Attempt " + run.getAttempts() + " stopped (" + e.getClass().getSimpleName() + "); it is tried again");
            table.of(BillingRunItem.class).updateItem(run);
        } catch (RuntimeException again) {
            LOG.warn("Could not note the failure of billing run {}", runId, again);
        }
    }

    /** The report to the manager who started the run; its id is the run's, so a repeated report is sent once. */
    private void report(BillingRunItem run) {
        String skipped = run.skippedOrEmpty().isEmpty() ? ""
                : "\n\nNot invoiced: " + run.skippedOrEmpty().stream().map(u -> u.getUnitNumber() + " (" + u.getDetail() + ")")
                        .collect(Collectors.joining(", ")) + ".";
        String outcome = BillingRunItem.COMPLETED.equals(run.getStatus()) ? "completed" : "stopped after " + MAX_ATTEMPTS + " failed attempts";
        notifications.send(new NotificationRequest("billing-run-" + run.getId(), run.getStartedBy(), null, Category.FINANCE,
                "billing-run-completed", Map.of("period", run.getPeriod(), "building", run.getBuildingName() == null ? "" : run.getBuildingName(),
                "outcome", outcome, "invoiced", String.valueOf(run.invoicesOrEmpty().size()), "units", String.valueOf(run.getUnitsTotal()),
                "total", Money.format(run.getTotal() == null ? 0 : run.getTotal(), run.getCurrency()), "skipped", skipped)));
    }

    public Optional<BillingRunItem> load(String runId) {
        return table.get(BillingRunItem.class, BillingRunItem.pk(runId), BillingRunItem.SK);
    }

    /** Read strongly consistent: the job writes at the version it read. */
    private BillingRunItem loadFresh(String runId) {
        Key key = Key.builder().partitionValue(BillingRunItem.pk(runId)).sortValue(BillingRunItem.SK).build();
        BillingRunItem run = table.of(BillingRunItem.class).getItem(GetItemEnhancedRequest.builder().key(key).consistentRead(true).build());
        if (run == null) throw new IllegalStateException("Billing run " + runId + " is not stored");
        return run;
    }

    /** The building's tariffs, each of its metered types priced; else 422 naming what is missing. */
    private List<Tariff> tariffsFor(String buildingId) {
        List<Tariff> prices = tariffs.of(buildingId).map(t -> t.getTariffs()).orElse(List.of());
        if (prices.isEmpty()) {
            throw new ApiException(ProblemType.UNPROCESSABLE, "The building has no tariffs to bill consumption at; set them with PUT /buildings/"
                    + buildingId + "/tariffs");
        }
        Set<String> priced = prices.stream().map(Tariff::getMeterType).collect(Collectors.toSet());
        List<String> unpriced = consumption.ofBuilding(buildingId).stream().map(MeterReadingItem::getMeterType)
                .filter(type -> !priced.contains(type)).distinct().sorted().toList();
        if (!unpriced.isEmpty()) {
            throw new ApiException(ProblemType.UNPROCESSABLE, "The building has meters of types without a tariff: " + String.join(", ", unpriced),
                    List.of(), null, Map.of("meterTypes", unpriced));
        }
        return prices;
    }

    private static ApiException periodTaken(String period, String runId) {
        return new ApiException(ProblemType.CONFLICT, "The building's period " + period + " is billed already, by run " + runId,
                List.of(), null, runId == null ? Map.of() : Map.of("runId", runId, "run", "/billing-runs/" + runId));
    }
}
