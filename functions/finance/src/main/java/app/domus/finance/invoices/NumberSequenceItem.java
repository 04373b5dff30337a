package app.domus.finance.invoices;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * The last number an organisation gave in one series and year: pk {@code ORG#<orgId>}, sk {@code SEQUENCE#<INV|CN>#<year>}.
 * Put (first number of the year) or updated at the version read in the same transaction as the document that takes the
 * next number, so a number is taken exactly when its document is stored: no gaps, no doubles.
 */
public class NumberSequenceItem extends TableItem {
    private String organisationId;
    private String series;
    private Integer year;
    private Long last;

    public static String pk(String organisationId) { return "ORG#" + organisationId; }
    public static String sk(String series, int year) { return "SEQUENCE#" + series + "#" + year; }

    public String getOrganisationId() { return organisationId; }
    public void setOrganisationId(String organisationId) { this.organisationId = organisationId; }
    public String getSeries() { return series; }
    public void setSeries(String series) { this.series = series; }
    public Integer getYear() { return year; }
    public void setYear(Integer year) { this.year = year; }
    public Long getLast() { return last; }
    public void setLast(Long last) { this.last = last; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<NumberSequenceItem> SCHEMA = ItemSchema.item(NumberSequenceItem.class, NumberSequenceItem::new)
            .text("organisationId", NumberSequenceItem::getOrganisationId, NumberSequenceItem::setOrganisationId)
            .text("series", NumberSequenceItem::getSeries, NumberSequenceItem::setSeries)
            .attribute(Integer.class, "year", NumberSequenceItem::getYear, NumberSequenceItem::setYear)
            .attribute(Long.class, "last", NumberSequenceItem::getLast, NumberSequenceItem::setLast)
            .build();
}
