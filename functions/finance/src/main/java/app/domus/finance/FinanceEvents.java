package app.domus.finance;

/** The finance context's events (their payloads are the contract with the other contexts; see {@code events/}). */
public final class FinanceEvents {
    /** An invoice was issued and charged to its unit's account; its PDF and e-mails follow. */
    public static final String INVOICE_GENERATED = "InvoiceGenerated";
    /** An invoice was cancelled by a credit note, credited to its unit's account. */
    public static final String CREDIT_NOTE_ISSUED = "CreditNoteIssued";
    /** A building's billing run was started; its job (the BillingRun consumer) invoices the units. */
    public static final String BILLING_RUN_STARTED = "BillingRunStarted";

    private FinanceEvents() {}

    /** Amounts in minor units of {@code currency}. */
    public record InvoiceGenerated(String invoiceId, String number, String organisationId, String buildingId, String unitId,
                                   String currency, long netTotal, long vatTotal, long total, String issuedOn, String dueDate) {}

    public record CreditNoteIssued(String creditNoteId, String number, String invoiceId, String invoiceNumber, String organisationId,
                                   String buildingId, String unitId, String currency, long total, String reason, String issuedOn) {}

    public record BillingRunStarted(String runId, String organisationId, String buildingId, String period, String startedBy) {}
}
