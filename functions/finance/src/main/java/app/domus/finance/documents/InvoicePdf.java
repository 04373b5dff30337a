package app.domus.finance.documents;

import app.domus.finance.invoices.CreditNoteItem;
import app.domus.finance.invoices.InvoiceItem;
import app.domus.finance.invoices.InvoiceLine;
import app.domus.finance.money.Money;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Invoices and credit notes as A4 PDFs, drawn with PDFBox in Helvetica (one of the PDF standard fonts: nothing embedded,
 * so a document is a few kilobytes and no font file is loaded). Those fonts cover Latin-1 and a few more (WinAnsi); any
 * other character of a description is printed as '?' rather than failing the document. Long descriptions wrap; a long
 * invoice continues on further pages.
 */
public final class InvoicePdf {
    private static final float MARGIN = 50;
    private static final float SIZE = 10;
    private static final float LEADING = 14;
    /** Right edges of the numeric columns, and the description column's width. */
    private static final float[] RIGHT_EDGES = {300, 360, 405, 450, 495, 545};
    private static final float DESCRIPTION_WIDTH = 190;

    static {
        // PDFBox keeps a cache of the system's fonts in the home directory, which Lambda does not let it write.
        if (System.getProperty("pdfbox.fontcache") == null) System.setProperty("pdfbox.fontcache", System.getProperty("java.io.tmpdir"));
    }

    public byte[] invoice(InvoiceItem invoice) {
        List<String> heading = List.of(
                "Invoice " + invoice.getNumber(),
                "Issued on " + invoice.getIssuedOn() + ", due on " + invoice.getDueDate(),
                "Unit " + invoice.getUnitNumber() + ", " + invoice.getBuildingName());
        return render("Invoice " + invoice.getNumber(), heading, invoice, List.of(
                new String[] {"Net total", Money.format(invoice.getNetTotal(), invoice.getCurrency())},
                new String[] {"VAT total", Money.format(invoice.getVatTotal(), invoice.getCurrency())},
                new String[] {"Total", Money.format(invoice.getTotal(), invoice.getCurrency())}), null);
    }

    /** The credit note repeats the invoice's lines and credits its total. */
    public byte[] creditNote(CreditNoteItem note, InvoiceItem invoice) {
        List<String> heading = List.of(
                "Credit note " + note.getNumber(),
                "Issued on " + note.getIssuedOn() + ", cancelling invoice " + invoice.getNumber() + " of " + invoice.getIssuedOn(),
                "Unit " + invoice.getUnitNumber() + ", " + invoice.getBuildingName());
        return render("Credit note " + note.getNumber(), heading, invoice, List.of(
                new String[] {"Net credited", Money.format(note.getNetTotal(), note.getCurrency())},
                new String[] {"VAT credited", Money.format(note.getVatTotal(), note.getCurrency())},
                new String[] {"Total credited", Money.format(note.getTotal(), note.getCurrency())}), "Reason: " + note.getReason());
    }

    private byte[] render(String title, List<String> heading, InvoiceItem invoice, List<String[]> totals, String footnote) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle(title);
            info.setProducer("Domus");
            document.setDocumentInformation(info);
            Writer w = new Writer(document);
            w.line(heading.get(0), MARGIN, w.bold, 16);
            w.gap(6);
            for (String text : heading.subList(1, heading.size())) w.line(text, MARGIN, w.regular, SIZE);
            w.gap(12);
            w.row(w.bold, "Description", "Quantity", "Unit price", "VAT %", "Net", "VAT", "Gross");
            String currency = invoice.getCurrency();
            for (InvoiceLine line : invoice.getLines()) {
                w.row(w.regular, line.getDescription(), line.getQuantity(), Money.format(line.getUnitPrice(), currency).replace(" " + currency, ""),
                        line.getVatRate(), amount(line.getNet(), currency), amount(line.getVat(), currency), amount(line.getGross(), currency));
            }
            w.gap(10);
            for (String[] total : totals) w.pair(total[0], total[1]);
            w.gap(6);
            w.line("Amounts in " + currency + ". VAT is computed per line on the rounded net amount, rounded half to even.", MARGIN, w.regular, 8);
            if (footnote != null) {
                w.gap(6);
                for (String part : w.wrap(footnote, w.regular, SIZE, RIGHT_EDGES[5] - MARGIN)) w.line(part, MARGIN, w.regular, SIZE);
            }
            w.close();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not draw " + title, e);
        }
    }

    private static String amount(long minor, String currency) {
        return Money.format(minor, currency).replace(" " + currency, "");
    }

    /** Draws text top-down, starting a new page when the current one is full. */
    private static final class Writer {
        final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        private final PDDocument document;
        private PDPageContentStream stream;
        private float y;

        Writer(PDDocument document) throws IOException {
            this.document = document;
            newPage();
        }

        private void newPage() throws IOException {
            if (stream != null) stream.close();
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = page.getMediaBox().getHeight() - MARGIN;
        }

        void gap(float points) {
            y -= points;
        }

        void line(String text, float x, PDType1Font font, float size) throws IOException {
            if (y < MARGIN + LEADING) newPage();
            text(printable(font, text), x, y, font, size);
            y -= Math.max(LEADING, size + 4);
        }

        /** A table row: the description wrapped in its column, the other cells right-aligned at their edges. */
        void row(PDType1Font font, String description, String... cells) throws IOException {
            List<String> parts = wrap(printable(font, description), font, SIZE, DESCRIPTION_WIDTH);
            if (y - LEADING * parts.size() < MARGIN) newPage();
            for (int i = 0; i < cells.length; i++) {
                String cell = printable(font, cells[i]);
                text(cell, RIGHT_EDGES[i] - font.getStringWidth(cell) / 1000 * SIZE, y, font, SIZE);
            }
            for (String part : parts) {
                text(part, MARGIN, y, font, SIZE);
                y -= LEADING;
            }
        }

        /** A label and an amount on one line, the amount right-aligned at the table's edge. */
        void pair(String label, String value) throws IOException {
            if (y < MARGIN + LEADING) newPage();
            text(label, RIGHT_EDGES[2], y, bold, SIZE);
            text(value, RIGHT_EDGES[5] - bold.getStringWidth(value) / 1000 * SIZE, y, bold, SIZE);
            y -= LEADING;
        }

        List<String> wrap(String text, PDType1Font font, float size, float width) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String word : text.split("\\s+")) {
                String candidate = current.isEmpty() ? word : current + " " + word;
                if (font.getStringWidth(candidate) / 1000 * size <= width || current.isEmpty()) {
                    current.setLength(0);
                    current.append(candidate);
                } else {
                    lines.add(current.toString());
                    current.setLength(0);
                    current.append(word);
                }
            }
            if (!current.isEmpty()) lines.add(current.toString());
            return lines.isEmpty() ? List.of("") : lines;
        }

        private void text(String text, float x, float atY, PDType1Font font, float size) throws IOException {
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(x, atY);
            stream.showText(text);
            stream.endText();
        }

        void close() throws IOException {
            stream.close();
        }

        /** The text with every character the font cannot show replaced by '?'. */
        static String printable(PDType1Font font, String text) throws IOException {
            StringBuilder out = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                String ch = new String(Character.toChars(cp));
                boolean shown;
                try {
                    font.encode(ch);
                    shown = !Character.isISOControl(cp);
                } catch (IllegalArgumentException e) {
                    shown = false; // the font has no glyph for it: replaced below, deliberately
                }
                out.append(shown ? ch : (cp == '\n' || cp == '\t' ? " " : "?"));
                i += Character.charCount(cp);
            }
            return out.toString();
        }
    }
}
