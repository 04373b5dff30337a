package app.domus.finance;

/** The finance context's events (their payloads are the contract with the other contexts; see {@code events/}). */
public final class FinanceEvents {
    /** An invoice was issued and charged to its unit's account; its PDF and e-mails follow. */
    public static final String INVOICE_GENERATED = "InvoiceGenerated";
    /** An invoice was cancelled by a credit note, credited to its unit's account. */
    public static final String CREDIT_NOTE_ISSUED = "CreditNoteIssued";
    /** An invoice past its due date is still owed: a payment reminder was logged; its notices follow. */
    public static final String PAYMENT_OVERDUE = "PaymentOverdue";

    private FinanceEvents() {}

    /** Amounts in minor units of {@code currency}. */
    public record InvoiceGenerated(String invoiceId, String number, String organisationId, String buildingId, String unitId,
                                   String currency, long netTotal, long vatTotal, long total, String issuedOn, String dueDate) {}

    public record CreditNoteIssued(String creditNoteId, String number, String invoiceId, String invoiceNumber, String organisationId,
                                   String buildingId, String unitId, String currency, long total, String reason, String issuedOn) {}

    /**
     * Reminder {@code reminderNumber} of an invoice still owed {@code daysOverdue} days after its due date;
     * {@code escalate} on the {@code REMINDERS_BEFORE_MANAGER}th reminder, after which the building's managers are told.
     * {@code outstanding} in minor units of {@code currency}, as it was when the reminder was logged.
     */
    public record PaymentOverdue(String invoiceId, String number, String organisationId, String buildingId, String unitId,
                                 String currency, long outstanding, String dueDate, int daysOverdue, int reminderNumber,
                                 boolean escalate) {}
}
