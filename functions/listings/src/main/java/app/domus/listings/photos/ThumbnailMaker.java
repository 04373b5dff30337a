package app.domus.listings.photos;

import app.domus.listings.listings.ListingItem;
import app.domus.shared.persistence.DomusTable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * What the S3 upload event starts: an original under {@code listing-photos/<listingId>/<photoId>.<ext>} becomes its
 * thumbnails under {@code listing-media/<listingId>/<photoId>/<width>.jpg} and its photo item {@code ready} (or
 * {@code failed} with the reason, for an image that cannot be read). Repeating it writes the same objects and finds the
 * item ready: S3 may deliver an event more than once.
 */
@Singleton
public class ThumbnailMaker {
    private static final Logger LOG = LoggerFactory.getLogger(ThumbnailMaker.class);
    private static final Pattern ORIGINAL = Pattern.compile("^listing-photos/([A-Za-z0-9_-]{1,64})/([A-Za-z0-9_-]{1,64})\\.[a-z]{3,4}$");

    /** The photo item was not (yet) there: the copy's event can overtake the transaction that stores it. Retried. */
    public static final class PhotoNotRecorded extends RuntimeException {
        PhotoNotRecorded(String key) { super("No photo item for " + key + " yet"); }
    }

    public enum Outcome { READY, FAILED, IGNORED }

    private final DomusTable table;
    private final MediaStore media;

    @Inject
    public ThumbnailMaker(DomusTable table, MediaStore media) {
        this.table = table;
        this.media = media;
    }

    /** An original in the configured photos bucket. */
    public Outcome process(String key) {
        return process(media, key);
    }

    /** An original in the bucket the S3 event names. */
    public Outcome process(String bucket, String key) {
        return process(media.inBucket(bucket), key);
    }

    private Outcome process(MediaStore media, String key) {
        Matcher m = ORIGINAL.matcher(key);
        if (!m.matches()) {
            LOG.warn("Not a listing photo's original, ignored: {}", key);
            return Outcome.IGNORED;
        }
        String listingId = m.group(1);
        String photoId = m.group(2);
        Optional<byte[]> original = media.read(key);
        if (original.isEmpty()) {
            LOG.info("The original {} is gone (its listing's transaction failed); nothing to do", key);
            return Outcome.IGNORED;
        }
        List<String> sizes;
        String failure = null;
        try {
            List<Thumbnails.Thumbnail> thumbnails = Thumbnails.make(original.get());
            for (int i = 0; i < thumbnails.size(); i++) {
                media.put(Thumbnails.key(listingId, photoId, Thumbnails.WIDTHS.get(i)), thumbnails.get(i).jpeg(), "image/jpeg");
            }
            sizes = thumbnails.stream().map(Thumbnails.Thumbnail::size).toList();
        } catch (Thumbnails.UnreadableImage e) {
            sizes = null;
            failure = e.getMessage();
        }
        return record(key, listingId, photoId, sizes, failure);
    }

    private Outcome record(String key, String listingId, String photoId, List<String> sizes, String failure) {
        for (int attempt = 0; attempt < 3; attempt++) {
            ListingPhotoItem photo = table.get(ListingPhotoItem.class, ListingItem.pk(listingId), ListingPhotoItem.sk(photoId))
                    .orElseThrow(() -> new PhotoNotRecorded(key));
            if (!ListingPhotoItem.PROCESSING.equals(photo.getStatus())) return outcome(photo.getStatus());
            photo.setStatus(failure == null ? ListingPhotoItem.READY : ListingPhotoItem.FAILED);
            photo.setThumbnails(sizes);
            photo.setFailure(failure);
            try {
                table.of(ListingPhotoItem.class).updateItem(photo);
                return outcome(photo.getStatus());
            } catch (ConditionalCheckFailedException e) {
                // changed meanwhile (another delivery of the same event): read again
            }
        }
        throw new IllegalStateException("The photo item " + photoId + " kept changing");
    }

    private static Outcome outcome(String status) {
        return ListingPhotoItem.READY.equals(status) ? Outcome.READY : Outcome.FAILED;
    }
}
