package app.domus.finance.consumption;

import app.domus.shared.persistence.ItemSchema;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/** A building's price of one meter type: whole minor units per unit of measure, and a VAT rate (a decimal string). */
public class Tariff {
    private String meterType;
    private Long unitPrice;
    private String vatRate;

    public static Tariff of(String meterType, long unitPrice, String vatRate) {
        Tariff tariff = new Tariff();
        tariff.setMeterType(meterType);
        tariff.setUnitPrice(unitPrice);
        tariff.setVatRate(vatRate);
        return tariff;
    }

    public String getMeterType() { return meterType; }
    public void setMeterType(String meterType) { this.meterType = meterType; }
    public Long getUnitPrice() { return unitPrice; }
    public void setUnitPrice(Long unitPrice) { this.unitPrice = unitPrice; }
    public String getVatRate() { return vatRate; }
    public void setVatRate(String vatRate) { this.vatRate = vatRate; }

    public static final TableSchema<Tariff> SCHEMA = ItemSchema.document(Tariff.class, Tariff::new)
            .text("meterType", Tariff::getMeterType, Tariff::setMeterType)
            .attribute(Long.class, "unitPrice", Tariff::getUnitPrice, Tariff::setUnitPrice)
            .text("vatRate", Tariff::getVatRate, Tariff::setVatRate)
            .build();
}
