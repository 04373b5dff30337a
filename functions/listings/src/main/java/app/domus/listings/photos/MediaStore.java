package app.domus.listings.photos;

import java.time.Duration;
import java.util.Optional;

/** The listing photos' objects in the photos bucket (S3; an in-memory copy in tests). */
public interface MediaStore {
    /** The object's size in bytes, or empty when there is none. */
    Optional<Long> size(String key);

    /** The object's first bytes, to recognise its format without reading it whole. */
    byte[] firstBytes(String key, int count);

    /** The whole object, or empty when there is none. */
    Optional<byte[]> read(String key);

    void put(String key, byte[] bytes, String contentType);

    /** Copies within the bucket, stating the content type the bytes were recognised as. False when the source is gone. */
    boolean copy(String fromKey, String toKey, String contentType);

    /** Removes an object that is no longer wanted; a failure is left to the caller's log. */
    void delete(String key);

    /**
     * The same store on another bucket: the thumbnail function takes the bucket from the S3 event, since naming the
     * photos bucket in its configuration would make the bucket (notifying it) and the function depend on each other.
     */
    MediaStore inBucket(String bucket);

    /** A presigned GET. */
    String downloadUrl(String key, Duration validFor);
}
