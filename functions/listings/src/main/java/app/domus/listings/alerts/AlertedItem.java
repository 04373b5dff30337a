package app.domus.listings.alerts;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/** A person was alerted of a listing: pk {@code ALERTED#<userId>}, sk {@code LISTING#<listingId>}; never twice. */
public class AlertedItem extends TableItem {
    private String savedSearchId;
    private String alertedAt;

    public static String pk(String userId) { return "ALERTED#" + userId; }
    public static String sk(String listingId) { return "LISTING#" + listingId; }

    public String getSavedSearchId() { return savedSearchId; }
    public void setSavedSearchId(String savedSearchId) { this.savedSearchId = savedSearchId; }
    public String getAlertedAt() { return alertedAt; }
    public void setAlertedAt(String alertedAt) { this.alertedAt = alertedAt; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<AlertedItem> SCHEMA = ItemSchema.item(AlertedItem.class, AlertedItem::new)
            .text("savedSearchId", AlertedItem::getSavedSearchId, AlertedItem::setSavedSearchId)
            .text("alertedAt", AlertedItem::getAlertedAt, AlertedItem::setAlertedAt)
            .build();
}
