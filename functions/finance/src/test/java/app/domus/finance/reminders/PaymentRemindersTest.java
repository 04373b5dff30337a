package app.domus.finance.reminders;

import static app.domus.shared.testing.DirectoryWorld.caller;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.finance.FinanceEvents;
import app.domus.finance.FinanceFixture;
import app.domus.finance.invoices.InvoiceItem;
import app.domus.finance.invoices.InvoiceRequests;
import app.domus.finance.invoices.InvoiceService;
import app.domus.finance.invoices.OpenInvoiceItem;
import app.domus.shared.events.DomainEvent;
import app.domus.shared.testing.TestContext;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/** Flow 11 without the schedule: which overdue invoices get a reminder on which day, and that none goes out twice. */
class PaymentRemindersTest {
    private final FinanceFixture f = new FinanceFixture();

    private static LocalDate day(String date) {
        return LocalDate.parse(date);
    }

    private List<JsonNode> overdue() {
        return f.events.ofType(FinanceEvents.PAYMENT_OVERDUE).stream().map(DomainEvent::payload).toList();
    }

    private List<ReminderItem> logged(InvoiceItem invoice) {
        return f.table.all(ReminderItem.class, ReminderItem.pk(invoice.getId()), ReminderItem.SK_PREFIX);
    }

    /** Records a payment as the payments context will: paidTotal and the status it gives, the marker gone when paid in full. */
    private void pay(InvoiceItem issued, long amount, boolean deleteMarker) {
        InvoiceItem invoice = f.invoices.load(issued.getId()).orElseThrow();
        invoice.setPaidTotal(amount);
        invoice.setStatus(InvoiceItem.statusFor(amount, invoice.getTotal()));
        f.table.of(InvoiceItem.class).updateItem(invoice);
        if (deleteMarker) {
            OpenInvoiceItem marker = OpenInvoiceItem.of(invoice);
            f.table.of(OpenInvoiceItem.class).deleteItem(Key.builder().partitionValue(marker.getPk()).sortValue(marker.getSk()).build());
        }
    }

    /** Runs the job on the day and asserts it wrote nothing at all: no item, no event. */
    private void remindsNothingOn(String date) {
        int items = f.itemCount();
        int events = f.events.size();
        PaymentReminders.Run run = f.reminders.remind(day(date));
        assertThat(run.sent()).as("reminders sent on %s", date).isZero();
        assertThat(run.failed()).isZero();
        assertThat(f.itemCount()).as("items after the run on %s", date).isEqualTo(items);
        assertThat(f.events.size()).as("events after the run on %s", date).isEqualTo(events);
    }

    @Test
    void theFirstReminderGoesOutTheDayAfterTheDueDateThenOneEachIntervalAndTheThirdTellsTheManagers() {
        InvoiceItem invoice = f.invoice(); // 295.00 EUR due on 2026-03-31
        remindsNothingOn("2026-03-30");
        remindsNothingOn("2026-03-31");

        PaymentReminders.Run first = f.reminders.remind(day("2026-04-01"));
        assertThat(first).isEqualTo(new PaymentReminders.Run(1, 1, 0, 0, 0));
        assertThat(overdue()).singleElement().satisfies(e -> {
            assertThat(e.path("invoiceId").asText()).isEqualTo(invoice.getId());
            assertThat(e.path("number").asText()).isEqualTo("INV-2026-000001");
            assertThat(e.path("organisationId").asText()).isEqualTo(f.org);
            assertThat(e.path("buildingId").asText()).isEqualTo(f.building.getId());
            assertThat(e.path("unitId").asText()).isEqualTo(f.unit1.getId());
            assertThat(e.path("currency").asText()).isEqualTo("EUR");
            assertThat(e.path("outstanding").asLong()).isEqualTo(29500);
            assertThat(e.path("dueDate").asText()).isEqualTo("2026-03-31");
            assertThat(e.path("daysOverdue").asInt()).isEqualTo(1);
            assertThat(e.path("reminderNumber").asInt()).isEqualTo(1);
            assertThat(e.path("escalate").asBoolean()).isFalse();
        });
        assertThat(logged(invoice)).singleElement().satisfies(r -> {
            assertThat(r.getSk()).isEqualTo("REMINDER#001");
            assertThat(r.getReminderNumber()).isEqualTo(1);
            assertThat(r.getSentOn()).isEqualTo("2026-04-01");
            assertThat(r.getDaysOverdue()).isEqualTo(1);
            assertThat(r.getOutstanding()).isEqualTo(29500);
            assertThat(r.getEscalated()).isFalse();
        });
        assertThat(f.reminders.state(invoice.getId())).satisfies(s -> {
            assertThat(s.getSent()).isEqualTo(1);
            assertThat(s.getLastSentOn()).isEqualTo("2026-04-01");
        });

        // The same day again (a second run, a retry): nothing sent, nothing written. Nor 3 or 6 days later.
        remindsNothingOn("2026-04-01");
        remindsNothingOn("2026-04-04");
        remindsNothingOn("2026-04-07");

        assertThat(f.reminders.remind(day("2026-04-08"))).isEqualTo(new PaymentReminders.Run(1, 1, 0, 0, 0));
        assertThat(overdue().getLast().path("reminderNumber").asInt()).isEqualTo(2);
        assertThat(overdue().getLast().path("daysOverdue").asInt()).isEqualTo(8);
        assertThat(overdue().getLast().path("escalate").asBoolean()).isFalse();
        remindsNothingOn("2026-04-14");

        assertThat(f.reminders.remind(day("2026-04-15"))).isEqualTo(new PaymentReminders.Run(1, 1, 1, 0, 0));
        assertThat(overdue().getLast().path("reminderNumber").asInt()).isEqualTo(3);
        assertThat(overdue().getLast().path("escalate").asBoolean()).isTrue();

        // Reminders go on while it is owed; the managers were told once.
        assertThat(f.reminders.remind(day("2026-04-22"))).isEqualTo(new PaymentReminders.Run(1, 1, 0, 0, 0));
        assertThat(overdue()).extracting(e -> e.path("escalate").asBoolean()).containsExactly(false, false, true, false);
        assertThat(logged(invoice)).extracting(ReminderItem::getReminderNumber).containsExactly(1, 2, 3, 4);
        assertThat(logged(invoice)).extracting(ReminderItem::getSentOn).containsExactly("2026-04-01", "2026-04-08", "2026-04-15", "2026-04-22");
        assertThat(f.reminders.state(invoice.getId()).getSent()).isEqualTo(4);

        // A run for an earlier day that comes late (a delayed retry) does not remind again either.
        remindsNothingOn("2026-04-20");
    }

    @Test
    void paidAndCancelledInvoicesGetNoneAPartlyPaidOneIsRemindedOfWhatIsLeft() {
        InvoiceItem paid = f.invoice();
        InvoiceItem paidMarkerLeft = f.invoice();
        InvoiceItem cancelled = f.invoice();
        InvoiceItem partly = f.invoice();
        pay(paid, paid.getTotal(), true);
        // Paid in full, though its marker is still there: the invoice read afresh decides.
        pay(paidMarkerLeft, paidMarkerLeft.getTotal(), false);
        f.invoices.cancel(caller(f.manager), cancelled.getId(), new InvoiceRequests.CancelInvoice("Issued twice by mistake"));
        pay(partly, 10000, false);

        PaymentReminders.Run run = f.reminders.remind(day("2026-04-01"));

        assertThat(run).isEqualTo(new PaymentReminders.Run(2, 1, 0, 1, 0));
        assertThat(overdue()).singleElement().satisfies(e -> {
            assertThat(e.path("invoiceId").asText()).isEqualTo(partly.getId());
            assertThat(e.path("outstanding").asLong()).isEqualTo(19500);
        });
        for (InvoiceItem none : List.of(paid, paidMarkerLeft, cancelled)) {
            assertThat(logged(none)).as(none.getStatus()).isEmpty();
            assertThat(f.reminders.state(none.getId())).isNull();
        }
    }

    @Test
    void invoicesNotYetDueGetNone() {
        InvoiceItem dueSoon = f.invoices.create(caller(f.manager), new InvoiceRequests.CreateInvoice(f.unit2.getId(),
                List.of(FinanceFixture.item("Fee", "1", 1000, "0")), "2026-04-10", null));
        InvoiceItem overdue = f.invoice();
        f.reminders.remind(day("2026-04-01"));
        f.reminders.remind(day("2026-04-08"));
        assertThat(overdue()).extracting(e -> e.path("invoiceId").asText()).containsExactly(overdue.getId(), overdue.getId());
        // Due on the 10th: not overdue that day, reminded the next.
        remindsNothingOn("2026-04-10");
        assertThat(f.reminders.remind(day("2026-04-11"))).isEqualTo(new PaymentReminders.Run(2, 1, 0, 1, 0));
        assertThat(overdue().getLast().path("invoiceId").asText()).isEqualTo(dueSoon.getId());
    }

    @Test
    void aPaymentBetweenTheReadAndTheWriteLeavesNoReminder() {
        InvoiceItem invoice = f.invoice();
        AtomicBoolean paidOnce = new AtomicBoolean();
        // The job reads the invoice, and the owner's payment lands right after that read.
        InvoiceService racing = new InvoiceService(f.table, f.financeAccess, f.numbers, f.ledger, f.outbox, f.clock) {
            @Override
            public Optional<InvoiceItem> load(String invoiceId) {
                Optional<InvoiceItem> read = super.load(invoiceId);
                if (paidOnce.compareAndSet(false, true)) pay(invoice, invoice.getTotal(), true);
                return read;
            }
        };
        PaymentReminders reminders = new PaymentReminders(f.table, racing, f.outbox, f.clock, new PaymentReminders.Settings(7, 3));

        assertThat(reminders.remind(day("2026-04-01"))).isEqualTo(new PaymentReminders.Run(1, 0, 0, 1, 0));
        assertThat(overdue()).isEmpty();
        assertThat(logged(invoice)).isEmpty();
        assertThat(f.reminders.state(invoice.getId())).isNull();
    }

    @Test
    void runsAtTheSameTimeWriteOneReminderPerInvoice() throws Exception {
        List<InvoiceItem> issued = new ArrayList<>();
        for (int i = 0; i < 6; i++) issued.add(f.invoice());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<PaymentReminders.Run>> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            runs.add(pool.submit(() -> {
                start.await();
                return f.reminders.remind(day("2026-04-01"));
            }));
        }
        start.countDown();
        int sent = 0;
        for (Future<PaymentReminders.Run> run : runs) {
            assertThat(run.get().failed()).isZero();
            sent += run.get().sent();
        }
        pool.shutdown();

        assertThat(sent).isEqualTo(6);
        Map<String, Integer> eventsPerInvoice = new HashMap<>();
        overdue().forEach(e -> eventsPerInvoice.merge(e.path("invoiceId").asText(), 1, Integer::sum));
        assertThat(eventsPerInvoice).hasSize(6).allSatisfy((invoice, count) -> assertThat(count).as(invoice).isEqualTo(1));
        for (InvoiceItem invoice : issued) {
            assertThat(logged(invoice)).hasSize(1);
            assertThat(f.reminders.state(invoice.getId()).getSent()).isEqualTo(1);
        }
    }

    @Test
    void theScheduledRunWorksForTheDayItWasScheduledForOrTodayWithoutOne() {
        InvoiceItem invoice = f.invoice();
        SendPaymentRemindersHandler handler = new SendPaymentRemindersHandler(f.reminders, f.clock);

        // Scheduled for 1 April, 23:30 UTC, though the clock has not got there: the run is for 1 April.
        assertThat(handler.handleRequest(Map.of("scheduledTime", "2026-04-01T23:30:00Z"), new TestContext()))
                .containsEntry("sent", 1).containsEntry("overdue", 1);
        assertThat(logged(invoice)).extracting(ReminderItem::getSentOn).containsExactly("2026-04-01");
        assertThat(handler.handleRequest(Map.of("scheduledTime", "2026-04-01T07:00:00Z"), new TestContext())).containsEntry("sent", 0);

        f.clock.set(Instant.parse("2026-04-08T07:00:00Z"));
        assertThat(handler.handleRequest(Map.of(), new TestContext())).containsEntry("sent", 1);
        assertThat(logged(invoice)).extracting(ReminderItem::getSentOn).containsExactly("2026-04-01", "2026-04-08");

        assertThatThrownBy(() -> handler.handleRequest(Map.of("scheduledTime", "<aws.scheduler.scheduled-time>"), new TestContext()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scheduledTime");
    }

    @Test
    void oneInvoiceThatCannotBeRemindedDoesNotHoldBackTheOthersButFailsTheRun() {
        InvoiceItem broken = f.invoice();
        InvoiceItem fine = f.invoice();
        InvoiceItem stored = f.invoices.load(broken.getId()).orElseThrow();
        stored.setDueDate("31.03.2026");
        f.table.of(InvoiceItem.class).updateItem(stored);
        SendPaymentRemindersHandler handler = new SendPaymentRemindersHandler(f.reminders, f.clock);

        assertThatThrownBy(() -> handler.handleRequest(Map.of("scheduledTime", "2026-04-01T07:00:00Z"), new TestContext()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("1 of 2 overdue invoices");
        assertThat(overdue()).extracting(e -> e.path("invoiceId").asText()).containsExactly(fine.getId());
        assertThat(logged(broken)).isEmpty();
    }
}
