package app.domus.listings.imports;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * What a run did with one CRM property: pk {@code IMPORTRUN#<runId>}, sk {@code PAGE#<page, 5 digits>#ITEM#<crmId>};
 * outcome {@code created}, {@code updated}, {@code unchanged} or {@code failed} (with its errors). A page's counts are
 * counted from these, so a page taken up again skips what it already did and counts it once. Kept 30 days (ttl).
 */
public class ImportOutcomeItem extends TableItem {
    public static final String CREATED = "created";
    public static final String UPDATED = "updated";
    public static final String UNCHANGED = "unchanged";
    public static final String FAILED = "failed";

    private String crmId;
    private String outcome;
    private String listingId;
    private List<String> errors;

    public static String pk(String runId) { return "IMPORTRUN#" + runId; }

    public static String pagePrefix(int page) { return "PAGE#" + String.format("%05d", page) + "#"; }

    public static String sk(int page, String crmId) { return pagePrefix(page) + "ITEM#" + crmId; }

    public String getCrmId() { return crmId; }
    public void setCrmId(String crmId) { this.crmId = crmId; }
    public String getOutcome() { return outcome; }
    public void setOutcome(String outcome) { this.outcome = outcome; }
    public String getListingId() { return listingId; }
    public void setListingId(String listingId) { this.listingId = listingId; }
    public List<String> getErrors() { return errors; }
    public void setErrors(List<String> errors) { this.errors = errors; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<ImportOutcomeItem> SCHEMA = ItemSchema.item(ImportOutcomeItem.class, ImportOutcomeItem::new)
            .text("crmId", ImportOutcomeItem::getCrmId, ImportOutcomeItem::setCrmId)
            .text("outcome", ImportOutcomeItem::getOutcome, ImportOutcomeItem::setOutcome)
            .text("listingId", ImportOutcomeItem::getListingId, ImportOutcomeItem::setListingId)
            .textList("errors", ImportOutcomeItem::getErrors, ImportOutcomeItem::setErrors)
            .build();
}
