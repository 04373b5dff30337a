package app.domus.finance.invoices;

import app.domus.finance.FinanceAccess;
import app.domus.finance.FinanceEvents;
import app.domus.finance.Transactions;
import app.domus.finance.ledger.Ledger;
import app.domus.finance.money.InvoiceArithmetic;
import app.domus.shared.auth.Caller;
import app.domus.shared.directory.BuildingItem;
import app.domus.shared.directory.UnitItem;
import app.domus.shared.events.Outbox;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.ProblemType;
import app.domus.shared.ids.Ids;
import app.domus.shared.persistence.DomusTable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;

/**
 * Issuing invoices and cancelling them by credit notes. Each is one transaction: the next number of its series, the
 * document, its posting to the unit's account, and its event (outbox). The PDF and the e-mails come after, from the
 * event ({@code documents.InvoiceDocuments}), so the request does not wait for PDFBox or S3.
 */
@Singleton
public class InvoiceService {
    /** How far ahead an invoice may fall due: beyond this a date is more likely a typo than a plan. */
    static final int LONGEST_TERM_DAYS = 366;

    private final DomusTable table;
    private final FinanceAccess access;
    private final InvoiceNumbers numbers;
    private final Ledger ledger;
    private final Outbox outbox;
    private final Clock clock;

    @Inject
    public InvoiceService(DomusTable table, FinanceAccess access, InvoiceNumbers numbers, Ledger ledger, Outbox outbox, Clock clock) {
        this.table = table;
        this.access = access;
        this.numbers = numbers;
        this.ledger = ledger;
        this.outbox = outbox;
        this.clock = clock;
    }

    public InvoiceItem create(Caller caller, InvoiceRequests.CreateInvoice request) {
        UnitItem unit = access.managedUnit(caller, request.unitId());
        LocalDate due = InvoiceRequests.date(request.dueDate());
        checkDueDate(due, today());
        return issue(unit, request.items(), due, request.currencyOrDefault(), caller.userId(), Ids.newId(), Alongside.NOTHING);
    }

    /** Writes that belong in an invoice's transaction besides its own: given each attempt, so that they read afresh. */
    @FunctionalInterface
    public interface Alongside {
        Alongside NOTHING = (transaction, invoice) -> {};

        void addTo(TransactWriteItemsEnhancedRequest.Builder transaction, InvoiceItem invoice);
    }

    /** Refuses a due date in the past or beyond {@link #LONGEST_TERM_DAYS}. */
    public static void checkDueDate(LocalDate due, LocalDate today) {
        if (due.isBefore(today)) throw ApiException.validation("dueDate", "must not be in the past");
        if (due.isAfter(today.plusDays(LONGEST_TERM_DAYS))) throw ApiException.validation("dueDate", "must be within " + LONGEST_TERM_DAYS + " days");
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    /**
     * Issues an invoice of the unit under {@code invoiceId}, in one transaction: its number, the invoice (put only where
     * none exists), its open-invoice marker, its charge to the unit's account, {@code alongside}'s writes and
     * {@code InvoiceGenerated}. When an invoice with that id is already stored (a billing run's derived id, delivered
     * again), that invoice is returned and nothing is written: issuing the same id twice issues it once.
     */
    public InvoiceItem issue(UnitItem unit, List<InvoiceRequests.Item> items, LocalDate due, String currency, String createdBy,
                             String invoiceId, Alongside alongside) {
        LocalDate today = today();
        String buildingName = table.get(BuildingItem.class, BuildingItem.pk(unit.getBuildingId()), "PROFILE").map(BuildingItem::getName).orElse("");

        List<InvoiceLine> lines = new ArrayList<>();
        List<InvoiceArithmetic.Line> figures = new ArrayList<>();
        for (InvoiceRequests.Item item : items) {
            InvoiceArithmetic.Line line = InvoiceArithmetic.line(item.quantity(), item.unitPriceMinor(), item.vatRate());
            figures.add(line);
            lines.add(stored(item, line));
        }
        InvoiceArithmetic.Totals totals = InvoiceArithmetic.totals(figures);
        if (totals.total() <= 0) throw ApiException.validation("items", "must add up to more than nothing");

        return Transactions.retryingConflicts("The organisation's invoice numbers", () -> {
            var stored = load(invoiceId);
            if (stored.isPresent()) return stored.get();
            var transaction = TransactWriteItemsEnhancedRequest.builder();
            String number = numbers.next(transaction, unit.getOrganisationId(), InvoiceNumbers.INVOICES, today.getYear());
            InvoiceItem invoice = new InvoiceItem();
            invoice.setId(invoiceId);
            invoice.setPk(InvoiceItem.pk(invoiceId));
            invoice.setSk(InvoiceItem.SK);
            invoice.setGsi1pk(InvoiceItem.byUnit(unit.getId()));
            invoice.setGsi1sk(today + "#" + invoiceId);
            invoice.setGsi2pk(InvoiceItem.byBuilding(unit.getBuildingId()));
            invoice.setGsi2sk(today + "#" + invoiceId);
            invoice.setNumber(number);
            invoice.setOrganisationId(unit.getOrganisationId());
            invoice.setBuildingId(unit.getBuildingId());
            invoice.setBuildingName(buildingName);
            invoice.setUnitId(unit.getId());
            invoice.setUnitNumber(unit.getNumber());
            invoice.setCurrency(currency);
            invoice.setLines(lines);
            invoice.setNetTotal(totals.net());
            invoice.setVatTotal(totals.vat());
            invoice.setTotal(totals.total());
            invoice.setIssuedOn(today.toString());
            invoice.setDueDate(due.toString());
            invoice.setStatus(InvoiceItem.ISSUED);
            invoice.setCreatedBy(createdBy);
            invoice.setCreatedAt(clock.instant().toString());
            invoice.setPaidTotal(0L);
            transaction.addPutItem(table.of(InvoiceItem.class), invoice);
            transaction.addPutItem(table.of(OpenInvoiceItem.class), OpenInvoiceItem.of(invoice));
            ledger.prepare(unit.getId(), new Ledger.Entry(Ledger.Kind.CHARGE, totals.total(), currency, unit.getOrganisationId(),
                    "invoice", invoiceId, number, "Invoice " + number)).addTo(transaction);
            alongside.addTo(transaction, invoice);
            outbox.add(transaction, FinanceEvents.INVOICE_GENERATED, unit.getOrganisationId(), invoiceId,
                    new FinanceEvents.InvoiceGenerated(invoiceId, number, unit.getOrganisationId(), unit.getBuildingId(), unit.getId(),
                            currency, totals.net(), totals.vat(), totals.total(), invoice.getIssuedOn(), invoice.getDueDate()));
            table.client().transactWriteItems(transaction.build());
            invoice.setVersion(1L);
            return invoice;
        });
    }

    /**
     * Cancels an issued invoice with a credit note for its whole total: its own number (series {@code CN}), credited to the
     * unit's account; the invoice is kept, marked cancelled and naming its credit note.
     */
    public CreditNoteItem cancel(Caller caller, String invoiceId, InvoiceRequests.CancelInvoice request) {
        InvoiceItem found = load(invoiceId).orElseThrow(() -> ApiException.notFound("The invoice"));
        manageable(caller, found);
        return Transactions.retryingConflicts("The invoice", () -> {
            InvoiceItem invoice = load(invoiceId).orElseThrow(() -> ApiException.notFound("The invoice"));
            if (!InvoiceItem.ISSUED.equals(invoice.getStatus())) {
                throw new ApiException(ProblemType.INVALID_STATE, "The invoice is " + invoice.getStatus().toLowerCase(java.util.Locale.ROOT)
                        + (invoice.getCreditNoteNumber() == null ? "" : " by credit note " + invoice.getCreditNoteNumber()));
            }
            LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
            String now = clock.instant().toString();
            var transaction = TransactWriteItemsEnhancedRequest.builder();
            String number = numbers.next(transaction, invoice.getOrganisationId(), InvoiceNumbers.CREDIT_NOTES, today.getYear());
            CreditNoteItem note = new CreditNoteItem();
            note.setId(Ids.newId());
            note.setPk(InvoiceItem.pk(invoiceId));
            note.setSk(CreditNoteItem.SK);
            note.setNumber(number);
            note.setInvoiceId(invoiceId);
            note.setInvoiceNumber(invoice.getNumber());
            note.setOrganisationId(invoice.getOrganisationId());
            note.setBuildingId(invoice.getBuildingId());
            note.setUnitId(invoice.getUnitId());
            note.setCurrency(invoice.getCurrency());
            note.setNetTotal(invoice.getNetTotal());
            note.setVatTotal(invoice.getVatTotal());
            note.setTotal(invoice.getTotal());
            note.setReason(request.reason().strip());
            note.setIssuedOn(today.toString());
            note.setCreatedBy(caller.userId());
            note.setCreatedAt(now);
            transaction.addPutItem(table.of(CreditNoteItem.class), note);
            invoice.setStatus(InvoiceItem.CANCELLED);
            invoice.setCreditNoteId(note.getId());
            invoice.setCreditNoteNumber(number);
            invoice.setCancelledAt(now);
            transaction.addUpdateItem(table.of(InvoiceItem.class), invoice);
            OpenInvoiceItem open = OpenInvoiceItem.of(invoice);
            transaction.addDeleteItem(table.of(OpenInvoiceItem.class), software.amazon.awssdk.enhanced.dynamodb.Key.builder()
                    .partitionValue(open.getPk()).sortValue(open.getSk()).build());
            ledger.prepare(invoice.getUnitId(), new Ledger.Entry(Ledger.Kind.CREDIT, invoice.getTotal(), invoice.getCurrency(),
                    invoice.getOrganisationId(), "credit_note", note.getId(), number, "Credit note " + number + " for invoice " + invoice.getNumber()))
                    .addTo(transaction);
            outbox.add(transaction, FinanceEvents.CREDIT_NOTE_ISSUED, invoice.getOrganisationId(), invoiceId,
                    new FinanceEvents.CreditNoteIssued(note.getId(), number, invoiceId, invoice.getNumber(), invoice.getOrganisationId(),
                            invoice.getBuildingId(), invoice.getUnitId(), invoice.getCurrency(), invoice.getTotal(), note.getReason(), note.getIssuedOn()));
            table.client().transactWriteItems(transaction.build());
            note.setVersion(1L);
            return note;
        });
    }

    /** The invoice, for those who may see it; to everyone else it does not exist or is not theirs (404 / 403). */
    public InvoiceItem get(Caller caller, String invoiceId) {
        InvoiceItem invoice = load(invoiceId).orElseThrow(() -> ApiException.notFound("The invoice"));
        try {
            access.viewUnit(caller, invoice.getUnitId());
        } catch (ApiException e) {
            if (e.type() == ProblemType.NOT_FOUND) throw ApiException.notFound("The invoice");
            throw e;
        }
        return invoice;
    }

    public java.util.Optional<CreditNoteItem> creditNote(String invoiceId) {
        return table.get(CreditNoteItem.class, InvoiceItem.pk(invoiceId), CreditNoteItem.SK);
    }

    /** Read strongly consistent: a retried cancellation must see the version the other writer left. */
    public java.util.Optional<InvoiceItem> load(String invoiceId) {
        var key = software.amazon.awssdk.enhanced.dynamodb.Key.builder().partitionValue(InvoiceItem.pk(invoiceId)).sortValue(InvoiceItem.SK).build();
        return java.util.Optional.ofNullable(table.of(InvoiceItem.class).getItem(
                software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest.builder().key(key).consistentRead(true).build()));
    }

    private void manageable(Caller caller, InvoiceItem invoice) {
        try {
            access.managedUnit(caller, invoice.getUnitId());
        } catch (ApiException e) {
            if (e.type() == ProblemType.NOT_FOUND) throw ApiException.notFound("The invoice");
            throw e;
        }
    }

    private static InvoiceLine stored(InvoiceRequests.Item item, InvoiceArithmetic.Line line) {
        InvoiceLine stored = new InvoiceLine();
        stored.setDescription(item.description().strip());
        stored.setQuantity(item.quantity().stripTrailingZeros().toPlainString());
        stored.setUnitPrice(line.unitPrice());
        stored.setVatRate(item.vatRate().stripTrailingZeros().toPlainString());
        stored.setNet(line.net());
        stored.setVat(line.vat());
        stored.setGross(line.gross());
        return stored;
    }
}
