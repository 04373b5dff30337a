package app.domus.listings.listings;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * A listing's analytics: pk {@code LISTING#<id>}, sk {@code STATS}; {@code views} (reads of the published listing by
 * people outside its agency) and {@code inquiries}, each counted by an atomic ADD ({@link ListingStats}).
 */
public class ListingStatsItem extends TableItem {
    public static final String SK = "STATS";

    private Long views;
    private Long inquiries;

    public Long getViews() { return views; }
    public void setViews(Long views) { this.views = views; }
    public Long getInquiries() { return inquiries; }
    public void setInquiries(Long inquiries) { this.inquiries = inquiries; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<ListingStatsItem> SCHEMA = ItemSchema.item(ListingStatsItem.class, ListingStatsItem::new)
            .attribute(Long.class, "views", ListingStatsItem::getViews, ListingStatsItem::setViews)
            .attribute(Long.class, "inquiries", ListingStatsItem::getInquiries, ListingStatsItem::setInquiries)
            .build();
}
