package app.domus.finance;

import app.domus.finance.consumption.MeterReadings;
import app.domus.finance.consumption.Tariffs;
import app.domus.finance.documents.InvoiceDocuments;
import app.domus.finance.documents.InvoiceFiles;
import app.domus.finance.invoices.InvoiceQueries;
import app.domus.finance.invoices.InvoiceService;
import app.domus.finance.ledger.Ledger;
import app.domus.finance.payments.PaymentReceipts;
import app.domus.finance.payments.PaymentSettlement;
import app.domus.finance.reminders.PaymentOverdueNotices;
import app.domus.finance.reminders.PaymentReminders;
import app.domus.finance.runs.BillingRunService;
import app.domus.shared.aws.AwsModule;
import app.domus.shared.idempotency.IdempotencyStore;
import dagger.Component;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.sqs.SqsClient;
import java.time.Clock;

/** Wiring of the finance functions, built once per cold start by each handler's public constructor. */
@Singleton
@Component(modules = AwsModule.class)
public interface FinanceComponent {
    FinanceAccess access();

    InvoiceService invoices();

    InvoiceQueries queries();

    Ledger ledger();

    InvoiceFiles files();

    InvoiceDocuments documents();

    BillingRunService runs();

    MeterReadings meterReadings();

    Tariffs tariffs();

    IdempotencyStore idempotency();

    PaymentSettlement settlement();

    PaymentReceipts receipts();

    SqsClient sqs();
    // Payment reminders (flow 11): the daily job, the notices that follow its events, and the clock its day falls back to.
    PaymentReminders reminders();

    PaymentOverdueNotices overdueNotices();

    Clock clock();

    /** The one way to build the wiring: once per cold start, in a handler's public constructor. */
    static FinanceComponent create() {
        return DaggerFinanceComponent.create();
    }
}
