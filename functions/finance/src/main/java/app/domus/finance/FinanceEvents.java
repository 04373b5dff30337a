package app.domus.finance;

/** The finance context's events (their payloads are the contract with the other contexts; see {@code events/}). */
public final class FinanceEvents {
    /** An invoice was issued and charged to its unit's account; its PDF and e-mails follow. */
    public static final String INVOICE_GENERATED = "InvoiceGenerated";
    /** An invoice was cancelled by a credit note, credited to its unit's account. */
    public static final String CREDIT_NOTE_ISSUED = "CreditNoteIssued";
    /** An invoice past its due date is still owed: a payment reminder was logged; its notices follow. */
    public static final String PAYMENT_OVERDUE = "PaymentOverdue";

    /** Money for an invoice reached the gateway and was posted to the unit's account; a receipt follows. */
    public static final String PAYMENT_RECEIVED = "PaymentReceived";
    /** Money received for an invoice was given back through the gateway and charged to the unit's account again. */
    public static final String PAYMENT_REFUNDED = "PaymentRefunded";
    /** A payer's attempt to pay an invoice was declined; the invoice stays owed. */
    public static final String PAYMENT_FAILED = "PaymentFailed";
    /** A building's billing run was started; its job (the BillingRun consumer) invoices the units. */
    public static final String BILLING_RUN_STARTED = "BillingRunStarted";

    private FinanceEvents() {}

    /** Amounts in minor units of {@code currency}. */
    public record InvoiceGenerated(String invoiceId, String number, String organisationId, String buildingId, String unitId,
                                   String currency, long netTotal, long vatTotal, long total, String issuedOn, String dueDate) {}

    public record CreditNoteIssued(String creditNoteId, String number, String invoiceId, String invoiceNumber, String organisationId,
                                   String buildingId, String unitId, String currency, long total, String reason, String issuedOn) {}

    /**
     * {@code amount} is what this event posted; {@code paid} the invoice's total settled after it, {@code outstanding}
     * what is still owed (negative when overpaid, a credit on the account).
     */
    public record PaymentReceived(String paymentId, String invoiceId, String invoiceNumber, String organisationId, String buildingId,
                                  String unitId, String currency, long amount, long paid, long outstanding, String invoiceStatus,
                                  String payerId, String receivedAt) {}

    public record PaymentRefunded(String paymentId, String invoiceId, String invoiceNumber, String organisationId, String buildingId,
                                  String unitId, String currency, long amount, long paid, long outstanding, String invoiceStatus,
                                  String refundedAt) {}

    public record PaymentFailed(String paymentId, String invoiceId, String invoiceNumber, String organisationId, String buildingId,
                                String unitId, String reason, String payerId, String failedAt) {}

    /**
     * Reminder {@code reminderNumber} of an invoice still owed {@code daysOverdue} days after its due date;
     * {@code escalate} on the {@code REMINDERS_BEFORE_MANAGER}th reminder, after which the building's managers are told.
     * {@code outstanding} in minor units of {@code currency}, as it was when the reminder was logged.
     */
    public record PaymentOverdue(String invoiceId, String number, String organisationId, String buildingId, String unitId,
                                 String currency, long outstanding, String dueDate, int daysOverdue, int reminderNumber,
                                 boolean escalate) {}
    public record BillingRunStarted(String runId, String organisationId, String buildingId, String period, String startedBy) {}
}
