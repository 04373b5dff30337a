package app.domus.finance.invoices;

import static app.domus.finance.FinanceFixture.item;
import static app.domus.shared.testing.DirectoryWorld.caller;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.finance.FinanceEvents;
import app.domus.finance.FinanceFixture;
import app.domus.finance.ledger.LedgerEntryItem;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.FieldError;
import app.domus.shared.http.ProblemType;
import app.domus.shared.validation.Validator;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Flow 10's invoicing half without HTTP: issuing, numbering, charging, cancelling, and who may see what. */
class InvoicesTest {
    private final FinanceFixture f = new FinanceFixture();

    @Test
    void anInvoiceIsComputedServerSideNumberedChargedAndAnnouncedInOneWrite() {
        InvoiceItem invoice = f.invoice();
        assertThat(invoice.getNumber()).isEqualTo("INV-2026-000001");
        assertThat(invoice.getCurrency()).isEqualTo("EUR");
        assertThat(invoice.getNetTotal()).isEqualTo(25000);
        assertThat(invoice.getVatTotal()).isEqualTo(4500);
        assertThat(invoice.getTotal()).isEqualTo(29500);
        assertThat(invoice.getLines()).extracting(InvoiceLine::getGross).containsExactly(24000L, 5500L);
        assertThat(invoice.getUnitNumber()).isEqualTo("1A");
        assertThat(invoice.getBuildingName()).isEqualTo("Tower A");
        assertThat(f.invoices.load(invoice.getId())).get().extracting(InvoiceItem::getStatus).isEqualTo(InvoiceItem.ISSUED);

        assertThat(f.events.ofType(FinanceEvents.INVOICE_GENERATED)).singleElement().satisfies(e -> {
            assertThat(e.payload().path("invoiceId").asText()).isEqualTo(invoice.getId());
            assertThat(e.payload().path("number").asText()).isEqualTo("INV-2026-000001");
            assertThat(e.payload().path("total").asLong()).isEqualTo(29500);
        });
        var account = f.ledger.account(f.unit1.getId(), "EUR", 10, null);
        assertThat(account.balance()).isEqualTo(29500);
        assertThat(account.entries().items()).singleElement().satisfies(e -> {
            assertThat(e.getKind()).isEqualTo("charge");
            assertThat(e.getAmount()).isEqualTo(29500);
            assertThat(e.getBalanceAfter()).isEqualTo(29500);
            assertThat(e.getReferenceId()).isEqualTo(invoice.getId());
            assertThat(e.getDocumentNumber()).isEqualTo("INV-2026-000001");
        });
    }

    @Test
    void numbersRunPerOrganisationWithoutGapsEvenWhenIssuedConcurrently() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<InvoiceItem>> futures = new ArrayList<>();
        for (int i = 0; i < 12; i++) futures.add(pool.submit(f::invoice));
        List<String> numbers = new ArrayList<>();
        for (Future<InvoiceItem> future : futures) numbers.add(future.get().getNumber());
        pool.shutdown();
        Collections.sort(numbers);
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 12; i++) expected.add(InvoiceNumbers.format("INV", 2026, i));
        assertThat(numbers).isEqualTo(expected);
        assertThat(f.ledger.account(f.unit1.getId(), "EUR", 100, null).balance()).isEqualTo(12 * 29500L);

        // Another organisation starts its own series; a new year starts again at 1.
        String otherOrg = f.organisation("Elsewhere");
        var otherUnit = f.unit(f.building(otherOrg, "Other"), "9");
        String admin = f.user("admin");
        f.member(admin, otherOrg, app.domus.shared.directory.Role.ORG_ADMIN, null, null);
        assertThat(f.invoices.create(caller(admin), new InvoiceRequests.CreateInvoice(otherUnit.getId(),
                List.of(item("Fee", "1", 100, "0")), "2026-03-31", null)).getNumber()).isEqualTo("INV-2026-000001");
        f.clock.set(Instant.parse("2027-01-02T09:00:00Z"));
        assertThat(f.invoices.create(caller(f.manager), new InvoiceRequests.CreateInvoice(f.unit1.getId(),
                List.of(item("Fee", "1", 100, "0")), "2027-01-31", null)).getNumber()).isEqualTo("INV-2027-000001");
    }

    @Test
    void aCreditNoteCancelsTheInvoiceWithItsOwnNumberAndBringsTheBalanceBack() {
        InvoiceItem first = f.invoice();
        InvoiceItem second = f.invoice();
        assertThat(f.table.get(OpenInvoiceItem.class, OpenInvoiceItem.pkFor(first.getId()), OpenInvoiceItem.sk(first.getDueDate(), first.getId())))
                .as("an issued invoice is open until paid or cancelled").isPresent();
        CreditNoteItem note = f.invoices.cancel(caller(f.manager), first.getId(), new InvoiceRequests.CancelInvoice("Issued twice by mistake"));
        assertThat(f.table.get(OpenInvoiceItem.class, OpenInvoiceItem.pkFor(first.getId()), OpenInvoiceItem.sk(first.getDueDate(), first.getId())))
                .as("a cancelled invoice is no longer owed").isEmpty();
        assertThat(note.getNumber()).isEqualTo("CN-2026-000001");
        assertThat(note.getTotal()).isEqualTo(29500);
        InvoiceItem cancelled = f.invoices.load(first.getId()).orElseThrow();
        assertThat(cancelled.getStatus()).isEqualTo(InvoiceItem.CANCELLED);
        assertThat(cancelled.getCreditNoteNumber()).isEqualTo("CN-2026-000001");
        assertThat(f.events.ofType(FinanceEvents.CREDIT_NOTE_ISSUED)).singleElement()
                .satisfies(e -> assertThat(e.payload().path("invoiceNumber").asText()).isEqualTo(first.getNumber()));

        var account = f.ledger.account(f.unit1.getId(), "EUR", 10, null);
        assertThat(account.balance()).isEqualTo(29500);
        assertThat(account.entries().items()).extracting(LedgerEntryItem::getKind).containsExactly("credit", "charge", "charge");
        assertThat(account.entries().items()).extracting(LedgerEntryItem::getBalanceAfter).containsExactly(29500L, 59000L, 29500L);

        // Cancelled once only; the second invoice's credit note takes the next CN number and the balance to zero.
        int items = f.itemCount();
        assertThatThrownBy(() -> f.invoices.cancel(caller(f.manager), first.getId(), new InvoiceRequests.CancelInvoice("again")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.INVALID_STATE));
        assertThat(f.itemCount()).isEqualTo(items);
        assertThat(f.invoices.cancel(caller(f.manager), second.getId(), new InvoiceRequests.CancelInvoice("Wrong unit")).getNumber())
                .isEqualTo("CN-2026-000002");
        assertThat(f.ledger.account(f.unit1.getId(), "EUR", 10, null).balance()).isZero();
    }

    @Test
    void onlyTheBuildingsManagersIssueAndCancelOutsidersDoNotSeeTheUnit() {
        var request = new InvoiceRequests.CreateInvoice(f.unit1.getId(), List.of(item("Fee", "1", 100, "0")), "2026-03-31", null);
        for (String who : List.of(f.owner, f.tenant, f.technician, f.financeDelegate)) {
            assertThatThrownBy(() -> f.invoices.create(caller(who), request)).as(who)
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.type()).isIn(ProblemType.FORBIDDEN, ProblemType.NOT_FOUND));
        }
        assertThatThrownBy(() -> f.invoices.create(caller(f.owner), request))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.FORBIDDEN));
        assertThatThrownBy(() -> f.invoices.create(caller(f.outsider), request))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.NOT_FOUND));
        InvoiceItem invoice = f.invoice();
        assertThatThrownBy(() -> f.invoices.cancel(caller(f.owner), invoice.getId(), new InvoiceRequests.CancelInvoice("mine")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.FORBIDDEN));
        assertThatThrownBy(() -> f.invoices.cancel(caller(f.outsider), invoice.getId(), new InvoiceRequests.CancelInvoice("mine")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.detail()).isEqualTo("The invoice was not found"));
    }

    @Test
    void ownersAndFinanceDelegatesSeeTheUnitsInvoicesManagersTheBuildingsOthersNothing() {
        InvoiceItem invoice = f.invoice();
        var byUnit = new InvoiceQueries.Filter(f.unit1.getId(), null, null, null, null);
        for (String who : List.of(f.owner, f.financeDelegate, f.manager)) {
            assertThat(f.queries.list(caller(who), byUnit, 10, null).items()).as(who).extracting(InvoiceItem::getId).containsExactly(invoice.getId());
            assertThat(f.invoices.get(caller(who), invoice.getId()).getNumber()).isEqualTo(invoice.getNumber());
        }
        for (String who : List.of(f.tenant, f.technician, f.otherOwner)) {
            assertThatThrownBy(() -> f.invoices.get(caller(who), invoice.getId())).as(who)
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.FORBIDDEN));
        }
        // Outside the organisation, a delegate without view_finances is an outsider too.
        for (String who : List.of(f.outsider, f.voteDelegate)) {
            assertThatThrownBy(() -> f.invoices.get(caller(who), invoice.getId())).as(who)
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.detail()).isEqualTo("The invoice was not found"));
        }
        var byBuilding = new InvoiceQueries.Filter(null, f.building.getId(), null, null, null);
        assertThat(f.queries.list(caller(f.manager), byBuilding, 10, null).items()).hasSize(1);
        assertThatThrownBy(() -> f.queries.list(caller(f.owner), byBuilding, 10, null))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.FORBIDDEN));
    }

    @Test
    void listsFilterByStatusAndPeriodNewestFirstAndPage() {
        InvoiceItem march = f.invoice();
        f.clock.set(Instant.parse("2026-04-10T09:00:00Z"));
        InvoiceItem april = f.invoices.create(caller(f.manager), new InvoiceRequests.CreateInvoice(f.unit1.getId(),
                List.of(item("Fee", "1", 100, "0")), "2026-04-30", null));
        f.invoices.cancel(caller(f.manager), march.getId(), new InvoiceRequests.CancelInvoice("Wrong amount"));
        var all = new InvoiceQueries.Filter(null, f.building.getId(), null, null, null);
        assertThat(f.queries.list(caller(f.manager), all, 10, null).items()).extracting(InvoiceItem::getId).containsExactly(april.getId(), march.getId());
        var first = f.queries.list(caller(f.manager), all, 1, null);
        assertThat(first.items()).extracting(InvoiceItem::getId).containsExactly(april.getId());
        assertThat(f.queries.list(caller(f.manager), all, 1, first.nextCursor()).items()).extracting(InvoiceItem::getId).containsExactly(march.getId());
        assertThat(f.queries.list(caller(f.manager), new InvoiceQueries.Filter(null, f.building.getId(), "CANCELLED", null, null), 10, null).items())
                .extracting(InvoiceItem::getId).containsExactly(march.getId());
        assertThat(f.queries.list(caller(f.owner), new InvoiceQueries.Filter(f.unit1.getId(), null, null,
                java.time.LocalDate.parse("2026-04-01"), java.time.LocalDate.parse("2026-04-30")), 10, null).items())
                .extracting(InvoiceItem::getId).containsExactly(april.getId());
        // A cursor of the building's list does not open the unit's.
        assertThatThrownBy(() -> f.queries.list(caller(f.owner), new InvoiceQueries.Filter(f.unit1.getId(), null, null, null, null), 1, first.nextCursor()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.INVALID_CURSOR));
    }

    @Test
    void everyWrongFieldIsReportedAtOnce() {
        var request = new InvoiceRequests.CreateInvoice("bad id!", List.of(
                new InvoiceRequests.Item("", new BigDecimal("0"), new BigDecimal("12.5"), new BigDecimal("101")),
                new InvoiceRequests.Item("<b>x</b>", new BigDecimal("1.0001"), new BigDecimal("-1"), new BigDecimal("20.125"))),
                "31.03.2026", "EURO");
        Validator v = new Validator();
        request.validate(v);
        assertThat(v.errors()).extracting(FieldError::field).containsExactlyInAnyOrder("unitId", "currency", "dueDate",
                "items.0.description", "items.0.quantity", "items.0.unitPrice", "items.0.vatRate",
                "items.1.description", "items.1.quantity", "items.1.unitPrice", "items.1.vatRate");
        Validator none = new Validator();
        new InvoiceRequests.CreateInvoice(null, null, null, null).validate(none);
        assertThat(none.errors()).extracting(FieldError::field).containsExactlyInAnyOrder("unitId", "dueDate", "items");
    }

    @Test
    void aDueDateInThePastAnotherCurrencyThanTheAccountsOrANothingInvoiceIsRefusedWithNothingWritten() {
        f.invoice();
        int items = f.itemCount();
        assertThatThrownBy(() -> f.invoices.create(caller(f.manager), new InvoiceRequests.CreateInvoice(f.unit1.getId(),
                List.of(item("Fee", "1", 100, "0")), "2026-03-01", null)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("dueDate"));
        assertThatThrownBy(() -> f.invoices.create(caller(f.manager), new InvoiceRequests.CreateInvoice(f.unit1.getId(),
                List.of(item("Fee", "1", 100, "0")), "2026-03-31", "USD")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("currency"));
        assertThatThrownBy(() -> f.invoices.create(caller(f.manager), new InvoiceRequests.CreateInvoice(f.unit1.getId(),
                List.of(item("Free", "1", 0, "20")), "2026-03-31", null)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("items"));
        assertThat(f.itemCount()).isEqualTo(items);
        // The next invoice still takes the next number: refused requests took none.
        assertThat(f.invoice().getNumber()).isEqualTo("INV-2026-000002");
    }
}
