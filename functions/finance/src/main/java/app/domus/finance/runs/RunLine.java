package app.domus.finance.runs;

import app.domus.shared.persistence.ItemSchema;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * A line of a billing run's template as stored in the run: the building's net amount for the period in minor units, its
 * VAT rate (a decimal string) and how it is split over the units ({@code PER_UNIT}, {@code BY_SHARE}, {@code BY_AREA}).
 */
public class RunLine {
    private String description;
    private Long amount;
    private String vatRate;
    private String split;

    public static RunLine of(String description, long amount, String vatRate, String split) {
        RunLine line = new RunLine();
        line.setDescription(description);
        line.setAmount(amount);
        line.setVatRate(vatRate);
        line.setSplit(split);
        return line;
    }

    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public Long getAmount() { return amount; }
    public void setAmount(Long amount) { this.amount = amount; }
    public String getVatRate() { return vatRate; }
    public void setVatRate(String vatRate) { this.vatRate = vatRate; }
    public String getSplit() { return split; }
    public void setSplit(String split) { this.split = split; }

    public static final TableSchema<RunLine> SCHEMA = ItemSchema.document(RunLine.class, RunLine::new)
            .text("description", RunLine::getDescription, RunLine::setDescription)
            .attribute(Long.class, "amount", RunLine::getAmount, RunLine::setAmount)
            .text("vatRate", RunLine::getVatRate, RunLine::setVatRate)
            .text("split", RunLine::getSplit, RunLine::setSplit)
            .build();
}
