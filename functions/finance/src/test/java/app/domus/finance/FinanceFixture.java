package app.domus.finance;

import app.domus.finance.consumption.Consumption;
import app.domus.finance.consumption.MeterReadings;
import app.domus.finance.consumption.Tariffs;
import app.domus.finance.documents.InvoiceDocuments;
import app.domus.finance.documents.InvoiceFiles;
import app.domus.finance.invoices.InvoiceItem;
import app.domus.finance.invoices.InvoiceNumbers;
import app.domus.finance.invoices.InvoiceQueries;
import app.domus.finance.invoices.InvoiceRequests;
import app.domus.finance.invoices.InvoiceService;
import app.domus.finance.ledger.Ledger;
import app.domus.finance.payments.PaymentService;
import app.domus.finance.payments.PaymentSettlement;
import app.domus.finance.payments.RecordingGateway;
import app.domus.finance.reminders.PaymentOverdueNotices;
import app.domus.finance.reminders.PaymentReminders;
import app.domus.finance.runs.BillingRunHandler;
import app.domus.finance.runs.BillingRunItem;
import app.domus.finance.runs.BillingRunRequests;
import app.domus.finance.runs.BillingRunService;
import app.domus.shared.testing.SqsEvents;
import app.domus.shared.testing.TestContext;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import app.domus.shared.directory.BuildingItem;
import app.domus.shared.directory.Role;
import app.domus.shared.directory.UnitItem;
import app.domus.shared.testing.DirectoryWorld;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A building with a manager, unit 1A with an owner, a tenant, a delegate holding view_finances and one holding only vote,
 * unit 1B with another owner, a technician and an outsider; the finance services over them, PDFs kept in memory.
 */
public class FinanceFixture extends DirectoryWorld {
    public final String org = organisation("Sunrise");
    public final BuildingItem building = building(org, "Tower A");
    public final UnitItem unit1 = unit(building, "1A");
    public final UnitItem unit2 = unit(building, "1B");
    public final String manager = user("manager");
    public final String owner = user("owner");
    public final String tenant = user("tenant");
    public final String financeDelegate = user("finance-delegate");
    public final String voteDelegate = user("vote-delegate");
    public final String payDelegate = user("pay-delegate");
    public final String otherOwner = user("other-owner");
    public final String technician = user("technician");
    public final String outsider = user("outsider");

    /** PDFs by key. */
    public final Map<String, byte[]> pdfs = new ConcurrentHashMap<>();

    public final FinanceAccess financeAccess = new FinanceAccess(access);
    public final Ledger ledger = new Ledger(table, clock);
    public final InvoiceNumbers numbers = new InvoiceNumbers(table);
    public final InvoiceService invoices = new InvoiceService(table, financeAccess, numbers, ledger, outbox, clock);
    public final InvoiceQueries queries = new InvoiceQueries(table, financeAccess);
    public final InvoiceFiles files = new InvoiceFiles(null, config) {
        @Override
        public void store(String key, byte[] pdf, String fileName) {
            pdfs.put(key, pdf);
        }

        @Override
        public String link(String key) {
            return "https://files.test/" + key;
        }
    };
    public final Recipients recipients = new Recipients(table, access, clock);
    public final InvoiceDocuments documents = new InvoiceDocuments(table, invoices, files, recipients, notifications);
    public final PaymentSettlement settlement = new PaymentSettlement(table, invoices, ledger, outbox, clock);
    public final RecordingGateway gateway = new RecordingGateway();
    public final PaymentService payments = new PaymentService(table, financeAccess, invoices, gateway, clock);
    /** Payment reminders every 7 days at least; the 3rd tells the building's managers. */
    public final PaymentReminders reminders = new PaymentReminders(table, invoices, outbox, clock, new PaymentReminders.Settings(7, 3));
    public final PaymentOverdueNotices overdueNotices = new PaymentOverdueNotices(invoices, recipients, access, notifications);
    public final MeterReadings meterReadings = new MeterReadings(table, clock);
    public final Tariffs tariffs = new Tariffs(table, financeAccess, clock);
    public final Consumption consumption = new Consumption(table, clock);
    public final BillingRunService runs = runs(invoices);

    public FinanceFixture() {
        member(manager, org, Role.MANAGER, building.getId(), null);
        own(owner, unit1, 1, 1);
        member(tenant, org, Role.TENANT, building.getId(), unit1.getId());
        own(otherOwner, unit2, 1, 1);
        member(technician, org, Role.TECHNICIAN, building.getId(), null);
        delegation(owner, financeDelegate, unit1, Set.of("VIEW_FINANCES"));
        delegation(owner, voteDelegate, unit1, Set.of("VOTE"));
        delegation(owner, payDelegate, unit1, Set.of("PAY"));
    }

    @Override
    protected Object outsideState() {
        return Map.copyOf(pdfs).keySet();
    }

    /** The billing runs over another invoice service (one that fails on cue, say). */
    public BillingRunService runs(InvoiceService invoices) {
        return new BillingRunService(table, financeAccess, access, invoices, outbox, notifications, tariffs, consumption, clock);
    }

    public static BillingRunRequests.Line line(String description, long amount, String vatRate, String split) {
        return new BillingRunRequests.Line(description, BigDecimal.valueOf(amount), new BigDecimal(vatRate), split);
    }

    /** The manager starts the building's run of {@code period}, due at the end of March 2026. */
    public BillingRunItem startRun(String period, BillingRunRequests.Line... lines) {
        return runs.start(caller(manager), building.getId(), new BillingRunRequests.StartRun(period, "2026-03-31", null, List.of(lines)));
    }

    /** The run's BillingRunStarted event delivered to the run's job through {@code handler}; the batch's answer. */
    public SQSBatchResponse deliverRun(BillingRunHandler handler, String runId) {
        var event = events.ofType(FinanceEvents.BILLING_RUN_STARTED).stream()
                .filter(e -> e.payload().path("runId").asText().equals(runId)).findFirst().orElseThrow();
        return handler.handleRequest(SqsEvents.batch(event), new TestContext());
    }

    public static InvoiceRequests.Item item(String description, String quantity, long unitPrice, String vatRate) {
        return new InvoiceRequests.Item(description, new BigDecimal(quantity), BigDecimal.valueOf(unitPrice), new BigDecimal(vatRate));
    }

    /** An invoice of unit 1A by the manager: 2 × 100.00 at 20 % and 1 × 50.00 at 10 %: 250.00 net, 45.00 VAT, 295.00. */
    public InvoiceItem invoice() {
        return invoices.create(caller(manager), new InvoiceRequests.CreateInvoice(unit1.getId(),
                List.of(item("Monthly advance", "2", 10000, "20"), item("Lift maintenance", "1", 5000, "10")), "2026-03-31", null));
    }
}
