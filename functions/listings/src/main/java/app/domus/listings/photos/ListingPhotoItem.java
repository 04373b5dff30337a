package app.domus.listings.photos;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * A listing's photo: pk {@code LISTING#<listingId>}, sk {@code PHOTO#<photoId>}. The original (private, with whatever
 * metadata the camera wrote) is at {@code originalKey}; the thumbnail function sets {@code ready} with the thumbnails'
 * sizes ({@code <width>x<height>}, one per width of {@link Thumbnails#WIDTHS}), or {@code failed} with a reason.
 */
public class ListingPhotoItem extends TableItem {
    public static final String PROCESSING = "processing";
    public static final String READY = "ready";
    public static final String FAILED = "failed";

    private String listingId;
    private String photoId;
    private Integer position;
    private String originalKey;
    private String format;
    private String status;
    private List<String> thumbnails;
    private String failure;
    private String addedAt;

    public static String sk(String photoId) { return "PHOTO#" + photoId; }

    public String getListingId() { return listingId; }
    public void setListingId(String listingId) { this.listingId = listingId; }
    public String getPhotoId() { return photoId; }
    public void setPhotoId(String photoId) { this.photoId = photoId; }
    public Integer getPosition() { return position; }
    public void setPosition(Integer position) { this.position = position; }
    public String getOriginalKey() { return originalKey; }
    public void setOriginalKey(String originalKey) { this.originalKey = originalKey; }
    public String getFormat() { return format; }
    public void setFormat(String format) { this.format = format; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public List<String> getThumbnails() { return thumbnails; }
    public void setThumbnails(List<String> thumbnails) { this.thumbnails = thumbnails; }
    public String getFailure() { return failure; }
    public void setFailure(String failure) { this.failure = failure; }
    public String getAddedAt() { return addedAt; }
    public void setAddedAt(String addedAt) { this.addedAt = addedAt; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<ListingPhotoItem> SCHEMA = ItemSchema.item(ListingPhotoItem.class, ListingPhotoItem::new)
            .text("listingId", ListingPhotoItem::getListingId, ListingPhotoItem::setListingId)
            .text("photoId", ListingPhotoItem::getPhotoId, ListingPhotoItem::setPhotoId)
            .attribute(Integer.class, "position", ListingPhotoItem::getPosition, ListingPhotoItem::setPosition)
            .text("originalKey", ListingPhotoItem::getOriginalKey, ListingPhotoItem::setOriginalKey)
            .text("format", ListingPhotoItem::getFormat, ListingPhotoItem::setFormat)
            .text("status", ListingPhotoItem::getStatus, ListingPhotoItem::setStatus)
            .textList("thumbnails", ListingPhotoItem::getThumbnails, ListingPhotoItem::setThumbnails)
            .text("failure", ListingPhotoItem::getFailure, ListingPhotoItem::setFailure)
            .text("addedAt", ListingPhotoItem::getAddedAt, ListingPhotoItem::setAddedAt)
            .build();
}
