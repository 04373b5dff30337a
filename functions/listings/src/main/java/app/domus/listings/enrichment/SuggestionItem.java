package app.domus.listings.enrichment;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * A label suggested for a listing: pk {@code LISTING#<listingId>}, sk {@code SUGGESTION#<kind>-<value>}; status
 * {@code suggested} until the listing's agency accepts or rejects it. It stays after the decision, so that enriching
 * the listing again never suggests what a realtor has already turned down.
 */
public class SuggestionItem extends TableItem {
    public static final String SK_PREFIX = "SUGGESTION#";
    public static final String SUGGESTED = "suggested";
    public static final String ACCEPTED = "accepted";
    public static final String REJECTED = "rejected";

    private String listingId;
    private String kind;
    private String value;
    private Double confidence;
    private String source;
    private String status;
    private String suggestedAt;
    private String decidedAt;
    private String decidedBy;

    public static String sk(Vocabulary.Label label) { return SK_PREFIX + label.id(); }

    /** A listing's suggestions, whatever their status. */
    public static java.util.List<SuggestionItem> of(app.domus.shared.persistence.DomusTable table, String listingId) {
        return table.all(SuggestionItem.class, app.domus.listings.listings.ListingItem.pk(listingId), SK_PREFIX);
    }

    public Vocabulary.Label label() {
        return Vocabulary.Label.parse(kind + "-" + value).orElseThrow(() -> new IllegalStateException("Unknown label " + kind + ":" + value));
    }

    public String getListingId() { return listingId; }
    public void setListingId(String listingId) { this.listingId = listingId; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getValue() { return value; }
    public void setValue(String value) { this.value = value; }
    public Double getConfidence() { return confidence; }
    public void setConfidence(Double confidence) { this.confidence = confidence; }
    public String getSource() { return source; }
    public void setSource(String source) { this.source = source; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getSuggestedAt() { return suggestedAt; }
    public void setSuggestedAt(String suggestedAt) { this.suggestedAt = suggestedAt; }
    public String getDecidedAt() { return decidedAt; }
    public void setDecidedAt(String decidedAt) { this.decidedAt = decidedAt; }
    public String getDecidedBy() { return decidedBy; }
    public void setDecidedBy(String decidedBy) { this.decidedBy = decidedBy; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<SuggestionItem> SCHEMA = ItemSchema.item(SuggestionItem.class, SuggestionItem::new)
            .text("listingId", SuggestionItem::getListingId, SuggestionItem::setListingId)
            .text("kind", SuggestionItem::getKind, SuggestionItem::setKind)
            .text("value", SuggestionItem::getValue, SuggestionItem::setValue)
            .attribute(Double.class, "confidence", SuggestionItem::getConfidence, SuggestionItem::setConfidence)
            .text("source", SuggestionItem::getSource, SuggestionItem::setSource)
            .text("status", SuggestionItem::getStatus, SuggestionItem::setStatus)
            .text("suggestedAt", SuggestionItem::getSuggestedAt, SuggestionItem::setSuggestedAt)
            .text("decidedAt", SuggestionItem::getDecidedAt, SuggestionItem::setDecidedAt)
            .text("decidedBy", SuggestionItem::getDecidedBy, SuggestionItem::setDecidedBy)
            .build();
}
