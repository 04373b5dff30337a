package app.domus.finance.documents;

import static app.domus.shared.testing.DirectoryWorld.caller;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import app.domus.finance.FinanceFixture;
import app.domus.finance.invoices.CreditNoteItem;
import app.domus.finance.invoices.InvoiceItem;
import app.domus.finance.invoices.InvoiceRequests;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.Test;

/**
 * Where the PDFs' text is drawn, read back from the pages' content streams: headings top-down at the margin, table cells
 * right-aligned at their columns' edges, descriptions wrapped in their column, pages continued when full.
 */
class InvoicePdfLayoutTest {
    private static final float TOP = 841.8898f - 50;
    private static final float[] EDGES = {300, 360, 405, 450, 495, 545};
    private final FinanceFixture f = new FinanceFixture();

    /** One piece of text as drawn: its page (from 0), where it starts, its font and size, and how wide it is. */
    record Drawn(int page, float x, float y, String font, float size, String text, float width) {
        float right() {
            return x + width;
        }
    }

    private static List<Drawn> drawn(byte[] pdf) throws IOException {
        List<Drawn> all = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int index = 0;
            for (PDPage page : document.getPages()) {
                List<Object> tokens = new PDFStreamParser(page).parse();
                PDFont font = null;
                float size = 0, x = 0, y = 0;
                List<Object> operands = new ArrayList<>();
                for (Object token : tokens) {
                    if (!(token instanceof Operator op)) {
                        operands.add(token);
                        continue;
                    }
                    switch (op.getName()) {
                        case "Tf" -> {
                            font = page.getResources().getFont((COSName) operands.get(0));
                            size = ((COSNumber) operands.get(1)).floatValue();
                        }
                        case "Td" -> {
                            x = ((COSNumber) operands.get(0)).floatValue();
                            y = ((COSNumber) operands.get(1)).floatValue();
                        }
                        case "Tj" -> {
                            String text = ((COSString) operands.get(0)).getString();
                            float width = font.getStringWidth(text) / 1000 * size;
                            all.add(new Drawn(index, x, y, font.getName(), size, text, width));
                        }
                        default -> { }
                    }
                    operands.clear();
                }
                index++;
            }
        }
        return all;
    }

    private static Drawn find(List<Drawn> drawn, String text) {
        return drawn.stream().filter(d -> d.text().equals(text)).findFirst().orElseThrow(() -> new AssertionError(text + " not drawn in " + drawn));
    }

    @Test
    void anInvoicesHeadingTableAndTotalsAreDrawnTopDownWithTheNumbersRightAligned() throws Exception {
        InvoiceItem invoice = f.invoice();
        byte[] pdf = new InvoicePdf().invoice(invoice);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Invoice INV-2026-000001");
            assertThat(document.getDocumentInformation().getProducer()).isEqualTo("Domus");
        }
        List<Drawn> drawn = drawn(pdf);
        Drawn title = find(drawn, "Invoice INV-2026-000001");
        assertThat(title.x()).isEqualTo(50);
        assertThat(title.y()).isCloseTo(TOP, within(0.01f));
        assertThat(title.font()).isEqualTo("Helvetica-Bold");
        assertThat(title.size()).isEqualTo(16);
        // A 16-point line takes 20 points, then a gap of 6; 10-point lines take 14.
        Drawn issued = find(drawn, "Issued on 2026-03-02, due on 2026-03-31");
        assertThat(issued.y()).isCloseTo(TOP - 26, within(0.01f));
        assertThat(issued.font()).isEqualTo("Helvetica");
        assertThat(issued.size()).isEqualTo(10);
        Drawn unit = find(drawn, "Unit 1A, Tower A");
        assertThat(unit.y()).isCloseTo(TOP - 40, within(0.01f));
        assertThat(unit.x()).isEqualTo(50);

        // The header 12 points below the heading, each row 14 below the one before.
        float header = TOP - 54 - 12;
        Drawn description = find(drawn, "Description");
        assertThat(description.y()).isCloseTo(header, within(0.01f));
        assertThat(description.x()).isEqualTo(50);
        assertThat(description.font()).isEqualTo("Helvetica-Bold");
        List<String> columns = List.of("Quantity", "Unit price", "VAT %", "Net", "VAT", "Gross");
        for (int i = 0; i < columns.size(); i++) {
            Drawn cell = find(drawn, columns.get(i));
            assertThat(cell.right()).as(columns.get(i)).isCloseTo(EDGES[i], within(0.01f));
            assertThat(cell.y()).isCloseTo(header, within(0.01f));
        }
        List<Drawn> firstRow = drawn.stream().filter(d -> Math.abs(d.y() - (header - 14)) < 0.01f).toList();
        assertThat(firstRow).extracting(Drawn::text).containsExactly("2", "100.00", "20", "200.00", "40.00", "240.00", "Monthly advance");
        for (int i = 0; i < 6; i++) assertThat(firstRow.get(i).right()).isCloseTo(EDGES[i], within(0.01f));
        assertThat(firstRow).allSatisfy(d -> assertThat(d.font()).isEqualTo("Helvetica"));
        List<Drawn> secondRow = drawn.stream().filter(d -> Math.abs(d.y() - (header - 28)) < 0.01f).toList();
        assertThat(secondRow).extracting(Drawn::text).containsExactly("1", "50.00", "10", "50.00", "5.00", "55.00", "Lift maintenance");

        // The totals 10 below the table, labels at the third column's edge, amounts at the table's.
        float totals = header - 42 - 10;
        String[][] pairs = {{"Net total", "250.00 EUR"}, {"VAT total", "45.00 EUR"}, {"Total", "295.00 EUR"}};
        for (int i = 0; i < pairs.length; i++) {
            Drawn label = find(drawn, pairs[i][0]);
            Drawn value = find(drawn, pairs[i][1]);
            assertThat(label.x()).isEqualTo(405);
            assertThat(label.y()).isCloseTo(totals - 14 * i, within(0.01f));
            assertThat(value.right()).isCloseTo(545, within(0.01f));
            assertThat(value.y()).isCloseTo(totals - 14 * i, within(0.01f));
            assertThat(value.font()).isEqualTo("Helvetica-Bold");
        }
        Drawn note = find(drawn, "Amounts in EUR. VAT is computed per line on the rounded net amount, rounded half to even.");
        assertThat(note.size()).isEqualTo(8);
        assertThat(note.y()).isCloseTo(totals - 42 - 6, within(0.01f));
        assertThat(drawn.getLast()).isEqualTo(note);
    }

    @Test
    void aLongDescriptionWrapsInItsColumnBesideTheRowsNumbersAndAWordTooLongForItStandsAlone() throws Exception {
        String words = "Replacement of the heating circuit pump in the basement boiler room including labour travel and disposal of the old pump";
        String longWord = "X".repeat(60);
        InvoiceItem invoice = f.invoices.create(caller(f.manager), new InvoiceRequests.CreateInvoice(f.unit1.getId(),
                List.of(FinanceFixture.item(words, "1", 12345, "20"), FinanceFixture.item(longWord + " end", "1", 100, "0"),
                        FinanceFixture.item("Bell\u0007\tbox", "1", 100, "0")), "2026-03-31", null));
        List<Drawn> drawn = drawn(new InvoicePdf().invoice(invoice));
        float header = TOP - 66;
        List<Drawn> parts = drawn.stream().filter(d -> d.x() == 50 && d.y() < header && d.y() > header - 200 && !d.text().startsWith("Amounts")
                && d.size() == 10).toList();
        List<String> first = new ArrayList<>();
        int i = 0;
        while (!parts.get(i).text().startsWith("X")) first.add(parts.get(i++).text());
        assertThat(String.join(" ", first)).isEqualTo(words);
        assertThat(first.size()).isGreaterThan(1);
        for (int k = 0; k < first.size(); k++) {
            assertThat(parts.get(k).width()).as(parts.get(k).text()).isLessThanOrEqualTo(190);
            assertThat(parts.get(k).y()).isCloseTo(header - 14 - 14 * k, within(0.01f));
            if (k + 1 < first.size()) {
                // Greedy: the next part's first word did not fit on this one.
                String withNext = parts.get(k).text() + " " + parts.get(k + 1).text().split(" ")[0];
                assertThat(new org.apache.pdfbox.pdmodel.font.PDType1Font(org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA)
                        .getStringWidth(withNext) / 1000 * 10).isGreaterThan(190);
            }
        }
        Drawn gross = find(drawn, "148.14");
        assertThat(gross.y()).as("the numbers on the row's first line").isCloseTo(header - 14, within(0.01f));
        Drawn alone = parts.get(i);
        assertThat(alone.text()).isEqualTo(longWord);
        assertThat(alone.width()).isGreaterThan(190);
        assertThat(parts.get(i + 1).text()).isEqualTo("end");
        assertThat(parts.get(i + 1).y()).isCloseTo(alone.y() - 14, within(0.01f));
        assertThat(parts.get(i + 2).text()).as("a control character is a '?', a tab a space").isEqualTo("Bell? box");
        assertThat(parts.get(i + 2).y()).isCloseTo(alone.y() - 28, within(0.01f));
    }

    @Test
    void aLongInvoiceContinuesOnNewPagesFromTheTopAndNothingIsDrawnInTheBottomMargin() throws Exception {
        List<InvoiceRequests.Item> items = new ArrayList<>();
        for (int n = 1; n <= 50; n++) items.add(FinanceFixture.item("Line " + n, "1", 100, "0"));
        InvoiceItem invoice = f.invoices.create(caller(f.manager), new InvoiceRequests.CreateInvoice(f.unit1.getId(), items, "2026-03-31", null));
        byte[] pdf = new InvoicePdf().invoice(invoice);
        List<Drawn> drawn = drawn(pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
        }
        assertThat(drawn).allSatisfy(d -> assertThat(d.y()).as(d.text()).isGreaterThanOrEqualTo(50));
        Drawn continued = drawn.stream().filter(d -> d.page() == 1).findFirst().orElseThrow();
        assertThat(continued.y()).isCloseTo(TOP, within(0.01f));
        // Rows run 14 points apart down the first page; the last one on it still clears the margin by a row.
        List<Drawn> rows = drawn.stream().filter(d -> d.page() == 0 && d.text().startsWith("Line ")).toList();
        for (int k = 1; k < rows.size(); k++) assertThat(rows.get(k - 1).y() - rows.get(k).y()).isCloseTo(14, within(0.01f));
        assertThat(rows.getLast().y() - 14).isLessThan(50 + 14);
        assertThat(drawn.stream().filter(d -> d.text().startsWith("Line ")).map(Drawn::text).toList()).hasSize(50).startsWith("Line 1").endsWith("Line 50");
        assertThat(find(drawn, "Line 50").page()).isEqualTo(1);
    }

    @Test
    void aCreditNoteRepeatsTheLinesCreditsTheTotalsAndWrapsItsReasonAcrossThePage() throws Exception {
        InvoiceItem invoice = f.invoice();
        String reason = "The owner moved out in January and the management agreement for the unit was ended by both parties before this"
                + " period began, so nothing of it is owed";
        CreditNoteItem note = f.invoices.cancel(caller(f.manager), invoice.getId(), new InvoiceRequests.CancelInvoice(reason));
        byte[] pdf = new InvoicePdf().creditNote(note, f.invoices.load(invoice.getId()).orElseThrow());
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Credit note CN-2026-000001");
        }
        List<Drawn> drawn = drawn(pdf);
        assertThat(find(drawn, "Credit note CN-2026-000001").size()).isEqualTo(16);
        assertThat(find(drawn, "Issued on 2026-03-02, cancelling invoice INV-2026-000001 of 2026-03-02").y()).isCloseTo(TOP - 26, within(0.01f));
        assertThat(find(drawn, "Monthly advance").y()).isCloseTo(TOP - 80, within(0.01f));
        assertThat(find(drawn, "Net credited").y()).isCloseTo(TOP - 80 - 28 - 10, within(0.01f));
        assertThat(find(drawn, "295.00 EUR").right()).isCloseTo(545, within(0.01f));
        Drawn amounts = drawn.stream().filter(d -> d.text().startsWith("Amounts in EUR")).findFirst().orElseThrow();
        List<Drawn> footnote = drawn.subList(drawn.indexOf(amounts) + 1, drawn.size());
        assertThat(footnote.size()).isGreaterThan(1);
        assertThat(String.join(" ", footnote.stream().map(Drawn::text).toList())).isEqualTo("Reason: " + reason);
        assertThat(footnote.getFirst().y()).isCloseTo(amounts.y() - 14 - 6, within(0.01f));
        for (int k = 0; k < footnote.size(); k++) {
            assertThat(footnote.get(k).x()).isEqualTo(50);
            assertThat(footnote.get(k).width()).isLessThanOrEqualTo(495);
            assertThat(footnote.get(k).size()).isEqualTo(10);
            if (k > 0) assertThat(footnote.get(k - 1).y() - footnote.get(k).y()).isCloseTo(14, within(0.01f));
        }
    }
}
