package app.domus.finance;

import app.domus.finance.consumption.MeterReadings;
import app.domus.finance.consumption.Tariffs;
import app.domus.finance.documents.InvoiceDocuments;
import app.domus.finance.documents.InvoiceFiles;
import app.domus.finance.invoices.InvoiceQueries;
import app.domus.finance.invoices.InvoiceService;
import app.domus.finance.ledger.Ledger;
import app.domus.finance.runs.BillingRunService;
import app.domus.shared.aws.AwsModule;
import app.domus.shared.idempotency.IdempotencyStore;
import dagger.Component;
import jakarta.inject.Singleton;

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

    /** The one way to build the wiring: once per cold start, in a handler's public constructor. */
    static FinanceComponent create() {
        return DaggerFinanceComponent.create();
    }
}
