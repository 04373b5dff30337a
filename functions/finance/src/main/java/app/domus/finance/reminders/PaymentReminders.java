package app.domus.finance.reminders;

import app.domus.finance.FinanceEvents;
import app.domus.finance.Transactions;
import app.domus.finance.invoices.InvoiceItem;
import app.domus.finance.invoices.InvoiceService;
import app.domus.finance.invoices.OpenInvoiceItem;
import app.domus.shared.config.Env;
import app.domus.shared.events.Outbox;
import app.domus.shared.persistence.DomusTable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Flow 11, the daily reminder job: every invoice still owed after its due date gets a reminder the day after it fell due,
 * then one every {@code REMINDER_INTERVAL_DAYS} (7) while it stays owed; the {@code REMINDERS_BEFORE_MANAGER}th (3rd)
 * also tells the building's managers. A reminder is its log item, the invoice's reminder state and its
 * {@code PaymentOverdue} event, written in one transaction; the e-mails and pushes follow from the event
 * ({@link PaymentOverdueNotices}), through the notifier, which applies each person's preferences.
 *
 * <p>What is overdue is read from the open-invoice markers ({@link OpenInvoiceItem}: 16 shards, sort key
 * {@code <dueDate>#<invoiceId>}) with a due date before today, never from all invoices; each invoice is read again
 * (consistently) and passed over unless it is issued or partly paid with something outstanding. Running again on the same
 * day, or before the interval has passed, writes nothing: the state item says when the last reminder went out, and it
 * is written conditionally (absent, or at the version read), as the invoice is checked at the version read, so that two
 * runs at once write one reminder and a payment between the read and the write leaves no stale reminder.
 */
@Singleton
public class PaymentReminders {
    private static final Logger LOG = LoggerFactory.getLogger(PaymentReminders.class);

    /**
     * @param intervalDays how many days at least between two reminders of one invoice
     * @param remindersBeforeManager which reminder tells the building's managers too
     */
    public record Settings(int intervalDays, int remindersBeforeManager) {
        public Settings {
            if (intervalDays < 1) throw new IllegalArgumentException("REMINDER_INTERVAL_DAYS must be at least 1, not " + intervalDays);
            if (remindersBeforeManager < 1) {
                throw new IllegalArgumentException("REMINDERS_BEFORE_MANAGER must be at least 1, not " + remindersBeforeManager);
            }
        }

        /** From {@code REMINDER_INTERVAL_DAYS} (default 7) and {@code REMINDERS_BEFORE_MANAGER} (default 3). */
        public static Settings fromEnvironment() {
            return new Settings(Env.intOrDefault("REMINDER_INTERVAL_DAYS", 7), Env.intOrDefault("REMINDERS_BEFORE_MANAGER", 3));
        }
    }

    /**
     * What a run did: overdue markers read, reminders written (of which escalated), invoices passed over (paid,
     * cancelled, reminded too recently), and invoices whose reminder failed (tried again by the next run).
     */
    public record Run(int overdue, int sent, int escalated, int passedOver, int failed) {
        public Map<String, Object> summary() {
            return Map.of("overdue", overdue, "sent", sent, "escalated", escalated, "passedOver", passedOver, "failed", failed);
        }
    }

    private enum Outcome { SENT, ESCALATED, PASSED_OVER }

    private final DomusTable table;
    private final InvoiceService invoices;
    private final Outbox outbox;
    private final Clock clock;
    private final Settings settings;

    @Inject
    public PaymentReminders(DomusTable table, InvoiceService invoices, Outbox outbox, Clock clock) {
        this(table, invoices, outbox, clock, Settings.fromEnvironment());
    }

    public PaymentReminders(DomusTable table, InvoiceService invoices, Outbox outbox, Clock clock, Settings settings) {
        this.table = table;
        this.invoices = invoices;
        this.outbox = outbox;
        this.clock = clock;
        this.settings = settings;
    }

    /** Is the invoice still to be paid (issued or partly paid, with something outstanding)? */
    public static boolean owed(InvoiceItem invoice) {
        return (InvoiceItem.ISSUED.equals(invoice.getStatus()) || InvoiceItem.PARTLY_PAID.equals(invoice.getStatus()))
                && invoice.outstanding() > 0;
    }

    /**
     * Reminds what is overdue on {@code today} (a UTC day: the day the run was scheduled for). One invoice's failure does
     * not stop the others; it is counted in {@link Run#failed()}.
     */
    public Run remind(LocalDate today) {
        int overdue = 0, sent = 0, escalated = 0, passedOver = 0, failed = 0;
        for (int shard = 0; shard < OpenInvoiceItem.SHARDS; shard++) {
            // Sort keys are <dueDate>#<invoiceId>: those before "<today>" fell due on an earlier day.
            QueryConditional due = QueryConditional.sortLessThan(Key.builder().partitionValue(OpenInvoiceItem.pk(shard)).sortValue(today.toString()).build());
            for (OpenInvoiceItem marker : table.of(OpenInvoiceItem.class).query(due).items()) {
                overdue++;
                try {
                    switch (remind(marker.getInvoiceId(), today)) {
                        case SENT -> sent++;
                        case ESCALATED -> { sent++; escalated++; }
                        case PASSED_OVER -> passedOver++;
                    }
                } catch (RuntimeException e) {
                    LOG.error("The reminder of invoice {} failed; the next run tries again", marker.getInvoiceId(), e);
                    failed++;
                }
            }
        }
        Run run = new Run(overdue, sent, escalated, passedOver, failed);
        LOG.info("Payment reminders for {}: {}", today, run);
        return run;
    }

    private Outcome remind(String invoiceId, LocalDate today) {
        return Transactions.retryingConflicts("The invoice's reminders", () -> {
            InvoiceItem invoice = invoices.load(invoiceId).orElse(null);
            if (invoice == null || !owed(invoice)) return Outcome.PASSED_OVER;
            LocalDate dueDate = LocalDate.parse(invoice.getDueDate());
            if (!dueDate.isBefore(today)) return Outcome.PASSED_OVER;
            ReminderStateItem state = state(invoiceId);
            if (state != null && today.isBefore(LocalDate.parse(state.getLastSentOn()).plusDays(settings.intervalDays()))) {
                return Outcome.PASSED_OVER;
            }
            int number = (state == null ? 0 : state.sentSoFar()) + 1;
            int daysOverdue = (int) ChronoUnit.DAYS.between(dueDate, today);
            boolean escalate = number == settings.remindersBeforeManager();

            var transaction = TransactWriteItemsEnhancedRequest.builder();
            transaction.addConditionCheck(table.of(InvoiceItem.class), unchanged(invoice));
            ReminderStateItem next = state != null ? state : newState(invoiceId);
            next.setSent(number);
            next.setLastSentOn(today.toString());
            next.setUpdatedAt(clock.instant().toString());
            // Absent: put only where none exists; present: at the version read (the versioned-record extension).
            transaction.addPutItem(table.of(ReminderStateItem.class), next);
            transaction.addPutItem(table.of(ReminderItem.class), logged(invoice, number, today, daysOverdue, escalate));
            outbox.add(transaction, FinanceEvents.PAYMENT_OVERDUE, invoice.getOrganisationId(), invoiceId,
                    new FinanceEvents.PaymentOverdue(invoiceId, invoice.getNumber(), invoice.getOrganisationId(), invoice.getBuildingId(),
                            invoice.getUnitId(), invoice.getCurrency(), invoice.outstanding(), invoice.getDueDate(), daysOverdue, number, escalate));
            table.client().transactWriteItems(transaction.build());
            return escalate ? Outcome.ESCALATED : Outcome.SENT;
        });
    }

    /** The invoice's reminders, read strongly consistent: a retry after a lost race must see the winner's reminder. */
    public ReminderStateItem state(String invoiceId) {
        Key key = Key.builder().partitionValue(ReminderStateItem.pk(invoiceId)).sortValue(ReminderStateItem.SK).build();
        return table.of(ReminderStateItem.class).getItem(GetItemEnhancedRequest.builder().key(key).consistentRead(true).build());
    }

    private static ReminderStateItem newState(String invoiceId) {
        ReminderStateItem state = new ReminderStateItem();
        state.setPk(ReminderStateItem.pk(invoiceId));
        state.setSk(ReminderStateItem.SK);
        state.setInvoiceId(invoiceId);
        return state;
    }

    private static ReminderItem logged(InvoiceItem invoice, int number, LocalDate today, int daysOverdue, boolean escalate) {
        ReminderItem reminder = new ReminderItem();
        reminder.setPk(ReminderItem.pk(invoice.getId()));
        reminder.setSk(ReminderItem.sk(number));
        reminder.setInvoiceId(invoice.getId());
        reminder.setReminderNumber(number);
        reminder.setSentOn(today.toString());
        reminder.setDaysOverdue(daysOverdue);
        reminder.setOutstanding(invoice.outstanding());
        reminder.setCurrency(invoice.getCurrency());
        reminder.setEscalated(escalate);
        return reminder;
    }

    /** The invoice as it was read: a payment or a cancellation meanwhile changes its version, and the attempt is redone. */
    private static ConditionCheck<InvoiceItem> unchanged(InvoiceItem invoice) {
        return ConditionCheck.builder()
                .key(Key.builder().partitionValue(invoice.getPk()).sortValue(InvoiceItem.SK).build())
                .conditionExpression(Expression.builder().expression("#version = :version")
                        .putExpressionName("#version", "version")
                        .putExpressionValue(":version", AttributeValue.fromN(String.valueOf(invoice.getVersion())))
                        .build())
                .build();
    }
}
