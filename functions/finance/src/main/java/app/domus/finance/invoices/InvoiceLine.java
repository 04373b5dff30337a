package app.domus.finance.invoices;

import app.domus.shared.persistence.ItemSchema;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * One line of an invoice as stored inside it (a map): quantity and VAT rate as decimal strings, exactly as given; the
 * unit price and the computed net, VAT and gross in minor units of the invoice's currency.
 */
public class InvoiceLine {
    private String description;
    private String quantity;
    private Long unitPrice;
    private String vatRate;
    private Long net;
    private Long vat;
    private Long gross;

    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getQuantity() { return quantity; }
    public void setQuantity(String quantity) { this.quantity = quantity; }
    public Long getUnitPrice() { return unitPrice; }
    public void setUnitPrice(Long unitPrice) { this.unitPrice = unitPrice; }
    public String getVatRate() { return vatRate; }
    public void setVatRate(String vatRate) { this.vatRate = vatRate; }
    public Long getNet() { return net; }
    public void setNet(Long net) { this.net = net; }
    public Long getVat() { return vat; }
    public void setVat(Long vat) { this.vat = vat; }
    public Long getGross() { return gross; }
    public void setGross(Long gross) { this.gross = gross; }

    public static final TableSchema<InvoiceLine> SCHEMA = ItemSchema.document(InvoiceLine.class, InvoiceLine::new)
            .text("description", InvoiceLine::getDescription, InvoiceLine::setDescription)
            .text("quantity", InvoiceLine::getQuantity, InvoiceLine::setQuantity)
            .attribute(Long.class, "unitPrice", InvoiceLine::getUnitPrice, InvoiceLine::setUnitPrice)
            .text("vatRate", InvoiceLine::getVatRate, InvoiceLine::setVatRate)
            .attribute(Long.class, "net", InvoiceLine::getNet, InvoiceLine::setNet)
            .attribute(Long.class, "vat", InvoiceLine::getVat, InvoiceLine::setVat)
            .attribute(Long.class, "gross", InvoiceLine::getGross, InvoiceLine::setGross)
            .build();
}
