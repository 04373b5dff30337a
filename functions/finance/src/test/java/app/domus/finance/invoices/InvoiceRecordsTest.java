package app.domus.finance.invoices;

import static app.domus.finance.FinanceFixture.item;
import static app.domus.shared.testing.DirectoryWorld.caller;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.finance.FinanceEvents;
import app.domus.finance.FinanceFixture;
import app.domus.shared.testing.Refusals;
import app.domus.finance.payments.StripeEvents;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What an invoice and its credit note record and announce, and the limits of what may be invoiced. */
class InvoiceRecordsTest {
    private final FinanceFixture f = new FinanceFixture();

    @Test
    void anIssuedInvoiceRecordsItsDayItsCreatorAndNothingPaidYet() {
        InvoiceItem issued = f.invoice();
        assertThat(issued.getVersion()).as("the stored version, for a later update").isEqualTo(1L);
        InvoiceItem stored = f.invoices.load(issued.getId()).orElseThrow();
        assertThat(stored.getIssuedOn()).isEqualTo("2026-03-02");
        assertThat(stored.getCreatedAt()).isEqualTo("2026-03-02T09:00:00Z");
        assertThat(stored.getCreatedBy()).isEqualTo(f.manager);
        assertThat(stored.getPaidTotal()).isZero();
        assertThat(stored.getDueDate()).isEqualTo("2026-03-31");
        assertThat(stored.getLines()).extracting(InvoiceLine::getDescription, InvoiceLine::getQuantity, InvoiceLine::getUnitPrice, InvoiceLine::getVatRate)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Monthly advance", "2", 10000L, "20"),
                        org.assertj.core.groups.Tuple.tuple("Lift maintenance", "1", 5000L, "10"));
        assertThat(f.events.ofType(FinanceEvents.INVOICE_GENERATED)).singleElement().satisfies(e -> {
            assertThat(e.payload().path("issuedOn").asText()).isEqualTo("2026-03-02");
            assertThat(e.payload().path("dueDate").asText()).isEqualTo("2026-03-31");
            assertThat(e.payload().path("netTotal").asLong()).isEqualTo(25000);
            assertThat(e.payload().path("vatTotal").asLong()).isEqualTo(4500);
            assertThat(e.payload().path("buildingId").asText()).isEqualTo(f.building.getId());
        });
    }

    @Test
    void descriptionsAreStrippedAndQuantitiesAndRatesStoredWithoutTrailingZeros() {
        InvoiceItem invoice = f.invoices.create(caller(f.manager), new InvoiceRequests.CreateInvoice(f.unit1.getId(),
                List.of(item("  Water  ", "1.500", 1001, "10.50")), "2026-03-31", null));
        InvoiceLine line = f.invoices.load(invoice.getId()).orElseThrow().getLines().getFirst();
        assertThat(line.getDescription()).isEqualTo("Water");
        assertThat(line.getQuantity()).isEqualTo("1.5");
        assertThat(line.getVatRate()).isEqualTo("10.5");
        // 1.5 × 10.01 = 15.015 → 15.02 (half even rounds 1501.5 to 1502); VAT 10.5 % of 15.02 = 1.5771 → 1.58.
        assertThat(line.getNet()).isEqualTo(1502);
        assertThat(line.getVat()).isEqualTo(158);
        assertThat(line.getGross()).isEqualTo(1660);
    }

    @Test
    void aCreditNoteRecordsWhatItCancelsOnTheDayItIsIssuedAndSaysSoInItsEvent() {
        InvoiceItem invoice = f.invoice();
        f.clock.set(Instant.parse("2026-03-05T10:15:00Z"));
        CreditNoteItem note = f.invoices.cancel(caller(f.manager), invoice.getId(), new InvoiceRequests.CancelInvoice("  Issued twice  "));
        assertThat(note.getVersion()).isEqualTo(1L);

        CreditNoteItem stored = f.invoices.creditNote(invoice.getId()).orElseThrow();
        assertThat(stored.getId()).isEqualTo(note.getId());
        assertThat(stored.getNumber()).isEqualTo("CN-2026-000001");
        assertThat(stored.getInvoiceId()).isEqualTo(invoice.getId());
        assertThat(stored.getInvoiceNumber()).isEqualTo("INV-2026-000001");
        assertThat(stored.getOrganisationId()).isEqualTo(f.org);
        assertThat(stored.getBuildingId()).isEqualTo(f.building.getId());
        assertThat(stored.getUnitId()).isEqualTo(f.unit1.getId());
        assertThat(stored.getCurrency()).isEqualTo("EUR");
        assertThat(stored.getNetTotal()).isEqualTo(25000);
        assertThat(stored.getVatTotal()).isEqualTo(4500);
        assertThat(stored.getTotal()).isEqualTo(29500);
        assertThat(stored.getReason()).isEqualTo("Issued twice");
        assertThat(stored.getIssuedOn()).isEqualTo("2026-03-05");
        assertThat(stored.getCreatedBy()).isEqualTo(f.manager);
        assertThat(stored.getCreatedAt()).isEqualTo("2026-03-05T10:15:00Z");

        InvoiceItem cancelled = f.invoices.load(invoice.getId()).orElseThrow();
        assertThat(cancelled.getCreditNoteId()).isEqualTo(note.getId());
        assertThat(cancelled.getCancelledAt()).isEqualTo("2026-03-05T10:15:00Z");
        assertThat(cancelled.getIssuedOn()).as("the invoice keeps its own day").isEqualTo("2026-03-02");

        assertThat(f.events.ofType(FinanceEvents.CREDIT_NOTE_ISSUED)).singleElement().satisfies(e -> {
            assertThat(e.payload().path("creditNoteId").asText()).isEqualTo(note.getId());
            assertThat(e.payload().path("number").asText()).isEqualTo("CN-2026-000001");
            assertThat(e.payload().path("invoiceId").asText()).isEqualTo(invoice.getId());
            assertThat(e.payload().path("unitId").asText()).isEqualTo(f.unit1.getId());
            assertThat(e.payload().path("buildingId").asText()).isEqualTo(f.building.getId());
            assertThat(e.payload().path("total").asLong()).isEqualTo(29500);
            assertThat(e.payload().path("reason").asText()).isEqualTo("Issued twice");
            assertThat(e.payload().path("issuedOn").asText()).isEqualTo("2026-03-05");
        });
        var credit = f.ledger.account(f.unit1.getId(), "EUR", 10, null).entries().items().getFirst();
        assertThat(credit.getReferenceType()).isEqualTo("credit_note");
        assertThat(credit.getReferenceId()).isEqualTo(note.getId());
        assertThat(credit.getDocumentNumber()).isEqualTo("CN-2026-000001");
        assertThat(credit.getDescription()).isEqualTo("Credit note CN-2026-000001 for invoice INV-2026-000001");
    }

    @Test
    void aCancelledOrPaidInvoiceCannotBeCancelledAndTheCallerIsToldWhy() {
        InvoiceItem cancelled = f.invoice();
        f.invoices.cancel(caller(f.manager), cancelled.getId(), new InvoiceRequests.CancelInvoice("Wrong unit"));
        assertThat(Refusals.status(() -> f.invoices.cancel(caller(f.manager), cancelled.getId(), new InvoiceRequests.CancelInvoice("again"))))
                .isEqualTo(409);
        assertThat(Refusals.detail(() -> f.invoices.cancel(caller(f.manager), cancelled.getId(), new InvoiceRequests.CancelInvoice("again"))))
                .isEqualTo("The invoice is cancelled by credit note CN-2026-000001");

        InvoiceItem paid = f.invoice();
        f.settlement.apply(new StripeEvents(f.clock).succeeded("pi_paid", 29500, paid.getId(), f.owner));
        assertThat(Refusals.detail(() -> f.invoices.cancel(caller(f.manager), paid.getId(), new InvoiceRequests.CancelInvoice("paid already"))))
                .isEqualTo("The invoice is paid");
    }

    @Test
    void anInvoiceThatDoesNotExistIsNotFoundToEveryone() {
        assertThat(Refusals.status(() -> f.invoices.get(caller(f.manager), "01NOSUCHINVOICE"))).isEqualTo(404);
        assertThat(Refusals.detail(() -> f.invoices.cancel(caller(f.manager), "01NOSUCHINVOICE", new InvoiceRequests.CancelInvoice("typo"))))
                .isEqualTo("The invoice was not found");
        assertThat(f.invoices.creditNote("01NOSUCHINVOICE")).isEmpty();
    }

    @Test
    void anInvoiceFallsDueFromTodayToAYearAndADayAhead() {
        LocalDate today = LocalDate.parse("2026-03-02");
        assertThat(f.invoices.today()).isEqualTo(today);
        assertThat(Refusals.status(() -> { InvoiceService.checkDueDate(today, today); return null; })).isEqualTo(200);
        assertThat(Refusals.field(() -> { InvoiceService.checkDueDate(today.minusDays(1), today); return null; })).isEqualTo("dueDate");
        assertThat(Refusals.detail(() -> { InvoiceService.checkDueDate(today.minusDays(1), today); return null; })).isEqualTo("must not be in the past");
        assertThat(Refusals.status(() -> { InvoiceService.checkDueDate(today.plusDays(366), today); return null; })).isEqualTo(200);
        assertThat(Refusals.detail(() -> { InvoiceService.checkDueDate(today.plusDays(367), today); return null; })).isEqualTo("must be within 366 days");
        // The day is UTC's: late in the evening elsewhere is already tomorrow here.
        f.clock.set(Instant.parse("2026-03-02T23:59:59Z"));
        assertThat(f.invoices.today()).isEqualTo(today);
        f.clock.set(Instant.parse("2026-03-03T00:00:00Z"));
        assertThat(f.invoices.today()).isEqualTo(today.plusDays(1));
    }

    private static InvoiceRequests.CreateInvoice invoiceOf(InvoiceRequests.Item... items) {
        return new InvoiceRequests.CreateInvoice("01JUNIT0000000000000000001", List.of(items), "2026-03-31", null);
    }

    private static InvoiceRequests.Item priced(String quantity, String unitPrice, String vatRate) {
        return new InvoiceRequests.Item("Fee", new BigDecimal(quantity), new BigDecimal(unitPrice), new BigDecimal(vatRate));
    }

    @Test
    void aLinesQuantityPriceAndRateAreCheckedAtTheirBounds() {
        assertThat(Refusals.errors(invoiceOf(priced("100000", "1000000000", "100")))).isEmpty();
        assertThat(Refusals.errors(invoiceOf(priced("0.001", "0", "0")))).isEmpty();
        assertThat(Refusals.errors(invoiceOf(priced("1.250", "100.00", "20.50")))).as("trailing zeros are no decimals").isEmpty();
        assertThat(Refusals.errors(invoiceOf(priced("1.125", "1", "10.25")))).as("three decimals of quantity, two of rate").isEmpty();
        assertThat(Refusals.errors(invoiceOf(priced("100000.001", "1", "0")))).containsExactly("items.0.quantity");
        assertThat(Refusals.errors(invoiceOf(priced("0", "1", "0")))).containsExactly("items.0.quantity");
        assertThat(Refusals.errors(invoiceOf(priced("-1", "1", "0")))).containsExactly("items.0.quantity");
        assertThat(Refusals.errors(invoiceOf(priced("1.0001", "1", "0")))).containsExactly("items.0.quantity");
        assertThat(Refusals.errors(invoiceOf(priced("1", "1000000001", "0")))).containsExactly("items.0.unitPrice");
        assertThat(Refusals.errors(invoiceOf(priced("1", "-1", "0")))).containsExactly("items.0.unitPrice");
        assertThat(Refusals.errors(invoiceOf(priced("1", "0.5", "0")))).containsExactly("items.0.unitPrice");
        assertThat(Refusals.errors(invoiceOf(priced("1", "1", "100.01")))).containsExactly("items.0.vatRate");
        assertThat(Refusals.errors(invoiceOf(priced("1", "1", "-0.01")))).containsExactly("items.0.vatRate");
        assertThat(Refusals.errors(invoiceOf(priced("1", "1", "7.125")))).containsExactly("items.0.vatRate");

        var messages = new InvoiceRequests.CreateInvoice("01JUNIT0000000000000000001", List.of(priced("1.0001", "0.5", "7.125")), "2026-03-31", null);
        var v = new app.domus.shared.validation.Validator();
        messages.validate(v);
        assertThat(v.errors()).extracting(app.domus.shared.http.FieldError::message)
                .containsExactly("has at most 3 decimals", "must be a whole number of minor units (cents for EUR)", "has at most 2 decimals");
    }

    @Test
    void anInvoiceHasOneToFiftyLinesEachGivenAndADescriptionOfAtMost200Characters() {
        List<InvoiceRequests.Item> fifty = new ArrayList<>(Collections.nCopies(50, priced("1", "1", "0")));
        assertThat(Refusals.errors(new InvoiceRequests.CreateInvoice("01JUNIT0000000000000000001", fifty, "2026-03-31", "EUR"))).isEmpty();
        List<InvoiceRequests.Item> fiftyOne = new ArrayList<>(fifty);
        fiftyOne.add(priced("1", "1", "0"));
        assertThat(Refusals.errors(new InvoiceRequests.CreateInvoice("01JUNIT0000000000000000001", fiftyOne, "2026-03-31", null))).containsExactly("items");
        assertThat(Refusals.errors(new InvoiceRequests.CreateInvoice("01JUNIT0000000000000000001", List.of(), "2026-03-31", null))).containsExactly("items");
        List<InvoiceRequests.Item> withNull = new ArrayList<>();
        withNull.add(priced("1", "1", "0"));
        withNull.add(null);
        assertThat(Refusals.errors(new InvoiceRequests.CreateInvoice("01JUNIT0000000000000000001", withNull, "2026-03-31", null))).containsExactly("items.1");
        assertThat(Refusals.errors(invoiceOf(new InvoiceRequests.Item("x".repeat(200), BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ZERO)))).isEmpty();
        assertThat(Refusals.errors(invoiceOf(new InvoiceRequests.Item("x".repeat(201), BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ZERO))))
                .containsExactly("items.0.description");
        assertThat(Refusals.errors(invoiceOf(new InvoiceRequests.Item("Fee", null, null, null))))
                .containsExactly("items.0.quantity", "items.0.unitPrice", "items.0.vatRate");
        assertThat(new InvoiceRequests.CreateInvoice("u", List.of(), "2026-03-31", null).currencyOrDefault()).isEqualTo("EUR");
        assertThat(new InvoiceRequests.CreateInvoice("u", List.of(), "2026-03-31", "CHF").currencyOrDefault()).isEqualTo("CHF");
    }

    @Test
    void datesAreIsoDaysOnlyAndACancellationGivesAReasonOfThreeTo500Characters() {
        assertThat(InvoiceRequests.date("2026-03-31")).isEqualTo(LocalDate.parse("2026-03-31"));
        assertThat(InvoiceRequests.date("2026-3-31")).isNull();
        assertThat(InvoiceRequests.date("2026-03-31T00")).isNull();
        assertThat(InvoiceRequests.date("2026-02-30")).isNull();
        assertThat(InvoiceRequests.date(null)).isNull();
        assertThat(Refusals.errors(new InvoiceRequests.CancelInvoice("abc"))).isEmpty();
        assertThat(Refusals.errors(new InvoiceRequests.CancelInvoice("ab"))).containsExactly("reason");
        assertThat(Refusals.errors(new InvoiceRequests.CancelInvoice("x".repeat(500)))).isEmpty();
        assertThat(Refusals.errors(new InvoiceRequests.CancelInvoice("x".repeat(501)))).containsExactly("reason");
        assertThat(Refusals.errors(new InvoiceRequests.CancelInvoice(null))).containsExactly("reason");
    }
}
