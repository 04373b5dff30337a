package app.domus.finance.documents;

import static app.domus.shared.testing.DirectoryWorld.caller;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.finance.FinanceFixture;
import app.domus.finance.invoices.InvoiceItem;
import app.domus.finance.invoices.InvoiceRequests;
import app.domus.finance.invoices.InvoiceService;
import app.domus.shared.notify.NotificationRequest;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Recording a PDF's key against concurrent writers, documents that are not there, and what the e-mails say. */
class InvoiceDocumentsRecordsTest {
    private final FinanceFixture f = new FinanceFixture();

    /** The invoice service, with another writer changing the invoice right after the reads numbered in {@code raced}. */
    private InvoiceService racing(AtomicInteger loads, int... raced) {
        return new InvoiceService(f.table, f.financeAccess, f.numbers, f.ledger, f.outbox, f.clock) {
            @Override
            public Optional<InvoiceItem> load(String invoiceId) {
                Optional<InvoiceItem> read = super.load(invoiceId);
                int n = loads.incrementAndGet();
                for (int r : raced) {
                    if (r == n || r == 0) super.load(invoiceId).ifPresent(other -> f.table.of(InvoiceItem.class).updateItem(other));
                }
                return read;
            }
        };
    }

    private InvoiceDocuments documents(InvoiceService invoices) {
        return new InvoiceDocuments(f.table, invoices, f.files, f.recipients, f.notifications);
    }

    @Test
    void aKeyLostToAConcurrentWriterIsRecordedOnTheInvoicesNextVersion() {
        InvoiceItem invoice = f.invoice();
        AtomicInteger loads = new AtomicInteger();
        // Read 1 finds the invoice; read 2 is the one the key is first written at, and someone else writes right after it.
        documents(racing(loads, 2)).invoiceIssued(invoice.getId());
        String key = InvoiceFiles.key(f.org, invoice.getId());
        assertThat(loads).hasValue(3);
        InvoiceItem stored = f.invoices.load(invoice.getId()).orElseThrow();
        assertThat(stored.getPdfKey()).isEqualTo(key);
        assertThat(stored.getVersion()).isEqualTo(3L);
        assertThat(f.pdfs).containsOnlyKeys(key);
    }

    @Test
    void afterFiveLostRacesTheEventFailsForTheQueueToRetry() {
        InvoiceItem invoice = f.invoice();
        AtomicInteger loads = new AtomicInteger();
        assertThatThrownBy(() -> documents(racing(loads, 0)).invoiceIssued(invoice.getId())).isInstanceOf(ConditionalCheckFailedException.class);
        assertThat(loads).as("the first read and five attempts").hasValue(6);
        assertThat(f.invoices.load(invoice.getId()).orElseThrow().getPdfKey()).isNull();
        assertThat(f.notifications.ofTemplate("invoice-issued")).as("nobody is told before the key is recorded").isEmpty();
    }

    @Test
    void aKeyAlreadyRecordedMeanwhileIsNotWrittenAgain() {
        InvoiceItem invoice = f.invoice();
        String key = InvoiceFiles.key(f.org, invoice.getId());
        AtomicInteger loads = new AtomicInteger();
        InvoiceService recordedMeanwhile = new InvoiceService(f.table, f.financeAccess, f.numbers, f.ledger, f.outbox, f.clock) {
            @Override
            public Optional<InvoiceItem> load(String invoiceId) {
                Optional<InvoiceItem> read = super.load(invoiceId);
                if (loads.incrementAndGet() == 1) {
                    // Another delivery records the key between this one's first read and its write.
                    InvoiceItem other = super.load(invoiceId).orElseThrow();
                    other.setPdfKey(key);
                    f.table.of(InvoiceItem.class).updateItem(other);
                }
                return read;
            }
        };
        documents(recordedMeanwhile).invoiceIssued(invoice.getId());
        assertThat(f.invoices.load(invoice.getId()).orElseThrow().getVersion()).as("its write only").isEqualTo(2L);
        assertThat(f.notifications.ofTemplate("invoice-issued")).hasSize(2);
    }

    @Test
    void aDocumentThatIsNotStoredYetFailsTheEventNamingIt() {
        assertThatThrownBy(() -> f.documents.invoiceIssued("01JNOINVOICE00000000000000")).isInstanceOf(IllegalStateException.class)
                .hasMessage("Invoice 01JNOINVOICE00000000000000 is not stored");
        InvoiceItem invoice = f.invoice();
        assertThatThrownBy(() -> f.documents.creditNoteIssued(invoice.getId())).isInstanceOf(IllegalStateException.class)
                .hasMessage("Invoice " + invoice.getId() + " has no credit note yet; the event will be retried");
    }

    @Test
    void theEmailsNameTheDocumentThePlaceAndTheAmounts() {
        InvoiceItem invoice = f.invoice();
        f.documents.invoiceIssued(invoice.getId());
        assertThat(f.notifications.ofTemplate("invoice-issued")).extracting(NotificationRequest::id)
                .containsExactlyInAnyOrder("invoice-" + invoice.getId() + "-" + f.owner, "invoice-" + invoice.getId() + "-" + f.financeDelegate);
        assertThat(f.notifications.ofTemplate("invoice-issued")).allSatisfy(n -> assertThat(n.data()).containsEntry("place", "unit 1A of Tower A"));

        var note = f.invoices.cancel(caller(f.manager), invoice.getId(), new InvoiceRequests.CancelInvoice("Wrong unit"));
        f.documents.creditNoteIssued(invoice.getId());
        f.documents.creditNoteIssued(invoice.getId());
        assertThat(f.pdfs).containsKey(InvoiceFiles.key(f.org, note.getId()));
        assertThat(f.notifications.ofTemplate("credit-note-issued")).extracting(NotificationRequest::id).containsOnly(
                "credit-note-" + note.getId() + "-" + f.owner, "credit-note-" + note.getId() + "-" + f.financeDelegate);
        assertThat(f.notifications.ofTemplate("credit-note-issued")).allSatisfy(n -> assertThat(n.data())
                .containsEntry("number", "CN-2026-000001").containsEntry("invoiceNumber", "INV-2026-000001").containsEntry("place", "unit 1A of Tower A")
                .containsEntry("total", "295.00 EUR").containsEntry("reason", "Wrong unit"));
        assertThat(f.invoices.creditNote(invoice.getId()).orElseThrow().getVersion()).as("the key recorded once").isEqualTo(2L);

        InvoiceItem unnamed = new InvoiceItem();
        unnamed.setUnitNumber("3C");
        assertThat(InvoiceDocuments.place(unnamed)).isEqualTo("unit 3C");
        unnamed.setBuildingName("");
        assertThat(InvoiceDocuments.place(unnamed)).isEqualTo("unit 3C");
    }
}
