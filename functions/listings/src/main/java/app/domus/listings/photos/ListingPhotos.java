package app.domus.listings.photos;

import app.domus.shared.http.ApiException;
import app.domus.shared.ids.Ids;
import app.domus.shared.persistence.DomusTable;
import app.domus.shared.photos.PhotoFormat;
import app.domus.shared.uploads.UploadItem;
import app.domus.shared.validation.Validator;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;

/**
 * Listing photos from the kernel's uploads ({@code POST /uploads}): each upload must be the caller's, unused, sent, at
 * most 10 MB and a JPEG, PNG or WebP by its bytes; then it is copied to {@code listing-photos/<listingId>/<photoId>.<ext>}
 * (whose creation starts the thumbnail function) and, in the listing's transaction, its photo item is put and the upload
 * marked USED at the version read, so one upload becomes one photo.
 */
@Singleton
public class ListingPhotos {
    public static final long MAX_PHOTO_BYTES = 10L * 1024 * 1024;
    public static final String ORIGINALS = "listing-photos/";
    static final Duration URL_VALIDITY = Duration.ofHours(1);
    private static final String FORMATS = "must be a JPEG, PNG or WebP image (recognised by its content)";

    private final DomusTable table;
    private final MediaStore media;
    private final Clock clock;

    @Inject
    public ListingPhotos(DomusTable table, MediaStore media, Clock clock) {
        this.table = table;
        this.media = media;
        this.clock = clock;
    }

    public record Checked(UploadItem upload, PhotoFormat format) {}

    /** Checks every upload and reports all that fail in one 400; reads but never writes. */
    public List<Checked> check(String ownerId, List<String> uploadIds, java.util.function.IntFunction<String> field) {
        Validator v = new Validator();
        List<Checked> checked = new ArrayList<>();
        java.util.Set<String> given = new java.util.HashSet<>();
        for (int i = 0; i < uploadIds.size(); i++) {
            // The repeat is the one named, so the app can point at the photo to take out.
            if (uploadIds.get(i) != null && !given.add(uploadIds.get(i))) {
                v.error(field.apply(i), "names an upload that is given twice");
                continue;
            }
            check(ownerId, uploadIds.get(i), v, field.apply(i)).ifPresent(checked::add);
        }
        v.throwIfInvalid();
        return checked;
    }

    /** Copies the checked uploads to the listing's originals and returns their photo items (not yet stored). */
    public List<ListingPhotoItem> copy(String listingId, List<Checked> photos, int firstPosition) {
        List<ListingPhotoItem> items = new ArrayList<>();
        String now = clock.instant().toString();
        for (Checked photo : photos) {
            ListingPhotoItem item = newPhoto(listingId, firstPosition + items.size(), photo.format(), now);
            // Checked a moment ago: gone now means the upload was taken by something else meanwhile.
            if (!media.copy(photo.upload().getObjectKey(), item.getOriginalKey(), photo.format().contentType())) throw takenMeanwhile();
            items.add(item);
        }
        return items;
    }

    /**
     * Photos fetched from elsewhere (a CRM import): each is recognised by its bytes (a JPEG, PNG or WebP of at most 10 MB,
     * else {@link IllegalArgumentException}) and put at the listing's originals, whose creation starts the thumbnail
     * function as an upload's copy does. Returns their photo items, not yet stored.
     */
    public List<ListingPhotoItem> store(String listingId, List<byte[]> photos, int firstPosition) {
        List<PhotoFormat> formats = new ArrayList<>();
        for (int i = 0; i < photos.size(); i++) {
            byte[] bytes = photos.get(i);
            if (bytes.length == 0 || bytes.length > MAX_PHOTO_BYTES) throw new IllegalArgumentException("photo " + (i + 1) + " must be an image of at most 10 MB");
            int head = Math.min(bytes.length, PhotoFormat.SIGNATURE_BYTES);
            int at = i;
            formats.add(PhotoFormat.recognise(java.util.Arrays.copyOf(bytes, head))
                    .orElseThrow(() -> new IllegalArgumentException("photo " + (at + 1) + " " + FORMATS)));
        }
        List<ListingPhotoItem> items = new ArrayList<>();
        String now = clock.instant().toString();
        for (int i = 0; i < photos.size(); i++) {
            ListingPhotoItem item = newPhoto(listingId, firstPosition + i, formats.get(i), now);
            media.put(item.getOriginalKey(), photos.get(i), formats.get(i).contentType());
            items.add(item);
        }
        return items;
    }

    /** A photo of the listing, being processed, at its original's key (not yet stored). */
    private static ListingPhotoItem newPhoto(String listingId, int position, PhotoFormat format, String now) {
        ListingPhotoItem item = new ListingPhotoItem();
        item.setPhotoId(Ids.newId());
        item.setListingId(listingId);
        item.setPk(app.domus.listings.listings.ListingItem.pk(listingId));
        item.setSk(ListingPhotoItem.sk(item.getPhotoId()));
        item.setPosition(position);
        item.setFormat(format.extension());
        item.setOriginalKey(ORIGINALS + listingId + "/" + item.getPhotoId() + "." + format.extension());
        item.setStatus(ListingPhotoItem.PROCESSING);
        item.setAddedAt(now);
        return item;
    }

    /** The photo items and their uploads' PENDING → USED, in the listing's transaction. */
    public void addTo(TransactWriteItemsEnhancedRequest.Builder transaction, List<Checked> photos, List<ListingPhotoItem> items) {
        for (int i = 0; i < items.size(); i++) {
            transaction.addPutItem(table.of(ListingPhotoItem.class), items.get(i));
            UploadItem upload = photos.get(i).upload();
            upload.setStatus(UploadItem.USED);
            upload.setUsedFor("listing-photo:" + items.get(i).getListingId() + "/" + items.get(i).getPhotoId());
            transaction.addUpdateItem(table.of(UploadItem.class), upload);
        }
    }

    public List<ListingPhotoItem> of(String listingId) {
        return table.all(ListingPhotoItem.class, app.domus.listings.listings.ListingItem.pk(listingId), "PHOTO#").stream()
                .sorted(java.util.Comparator.comparing(ListingPhotoItem::getPosition)).toList();
    }

    /** A presigned GET of a thumbnail: the published form of a photo (the original is never handed out). */
    public String thumbnailUrl(ListingPhotoItem photo, int width) {
        return media.downloadUrl(Thumbnails.key(photo.getListingId(), photo.getPhotoId(), width), URL_VALIDITY);
    }

    public static ApiException takenMeanwhile() {
        return ApiException.conflict("A photo upload was used elsewhere at the same time; upload it again");
    }

    /** Someone else's upload, or one that does not exist, get the same answer: upload ids are not to be probed. */
    private Optional<Checked> check(String ownerId, String uploadId, Validator v, String field) {
        UploadItem upload = table.get(UploadItem.class, UploadItem.pk(uploadId), UploadItem.SK)
                .filter(u -> u.getOwnerId().equals(ownerId)).orElse(null);
        if (upload == null) {
            v.error(field, "does not name an upload of yours");
            return Optional.empty();
        }
        if (!UploadItem.PENDING.equals(upload.getStatus())) {
            v.error(field, "has already been used");
            return Optional.empty();
        }
        Optional<Long> size = media.size(upload.getObjectKey());
        if (size.isEmpty()) {
            boolean expired = Instant.parse(upload.getExpiresAt()).isBefore(clock.instant());
            v.error(field, expired ? "was never sent, and its upload URL has expired" : "has not been sent yet");
            return Optional.empty();
        }
        if (size.get() == 0 || size.get() > MAX_PHOTO_BYTES) {
            v.error(field, "must be an image of at most 10 MB");
            return Optional.empty();
        }
        Optional<PhotoFormat> format = PhotoFormat.recognise(media.firstBytes(upload.getObjectKey(), PhotoFormat.SIGNATURE_BYTES));
        if (format.isEmpty()) v.error(field, FORMATS);
        return format.map(f -> new Checked(upload, f));
    }
}
