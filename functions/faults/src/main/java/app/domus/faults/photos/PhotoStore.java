package app.domus.faults.photos;

import app.domus.shared.photos.PhotoFormat;
import app.domus.shared.aws.PlatformConfig;
import dagger.Lazy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** Fault photos in the photos bucket: writes, reads of an object's size and first bytes, and presigned URLs. */
@Singleton
public class PhotoStore {
    private static final Logger LOG = LoggerFactory.getLogger(PhotoStore.class);

    // Built on first use: a fault reported without photos, or read without them, never pays for an S3 client.
    private final Lazy<S3Client> s3;
    private final Lazy<S3Presigner> presigner;
    private final String bucket;

    @Inject
    public PhotoStore(Lazy<S3Client> s3, Lazy<S3Presigner> presigner, PlatformConfig config) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = config.photosBucket();
    }

    /** With clients already built (tests). */
    public PhotoStore(S3Client s3, S3Presigner presigner, PlatformConfig config) {
        this(() -> s3, () -> presigner, config);
    }

    /** A URL the client may use until {@code expiresAt}, with the headers it must send as they were signed. */
    public record SignedUrl(String url, Map<String, String> headers, Instant expiresAt) {}

    public void put(String key, byte[] bytes, PhotoFormat format) {
        s3.get().putObject(b -> b.bucket(bucket).key(key).contentType(format.contentType()), RequestBody.fromBytes(bytes));
    }

    /** The object's size in bytes, or empty when there is no such object. */
    public Optional<Long> size(String key) {
        try {
            return Optional.of(s3.get().headObject(b -> b.bucket(bucket).key(key)).contentLength());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) return Optional.empty();
            throw e;
        }
    }

    /** The object's first {@code count} bytes (fewer if it is shorter), read with a ranged GET. */
    public byte[] firstBytes(String key, int count) {
        return s3.get().getObjectAsBytes(b -> b.bucket(bucket).key(key).range("bytes=0-" + (count - 1))).asByteArray();
    }

    /**
     * Copies within the bucket, stating the content type that the copy's bytes were recognised as. Returns false
     * when the source is gone.
     */
    public boolean copy(String fromKey, String toKey, PhotoFormat format) {
        try {
            s3.get().copyObject(b -> b.sourceBucket(bucket).sourceKey(fromKey).destinationBucket(bucket).destinationKey(toKey)
                    .metadataDirective(MetadataDirective.REPLACE).contentType(format.contentType()));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) return false;
            throw e;
        }
    }

    /** Removes objects that are no longer wanted; a failure is logged and left to the bucket's lifecycle rules. */
    public void discard(List<String> keys) {
        for (String key : keys) {
            try {
                s3.get().deleteObject(b -> b.bucket(bucket).key(key));
            } catch (RuntimeException e) {
                LOG.warn("Could not delete photo object {}", key, e);
            }
        }
    }

    /** A presigned PUT that accepts exactly this content type and length. */
    public SignedUrl uploadUrl(String key, String contentType, long sizeBytes, Duration validFor) {
        var signed = presigner.get().presignPutObject(p -> p.signatureDuration(validFor)
                .putObjectRequest(r -> r.bucket(bucket).key(key).contentType(contentType).contentLength(sizeBytes)));
        Map<String, String> headers = signed.signedHeaders().entrySet().stream()
                .filter(h -> !h.getKey().equalsIgnoreCase("host"))
                .collect(Collectors.toMap(Map.Entry::getKey, h -> String.join(",", h.getValue())));
        return new SignedUrl(signed.url().toString(), headers, signed.expiration());
    }

    /** A presigned GET of a stored photo. */
    public SignedUrl downloadUrl(String key, Duration validFor) {
        var signed = presigner.get().presignGetObject(p -> p.signatureDuration(validFor)
                .getObjectRequest(r -> r.bucket(bucket).key(key)));
        return new SignedUrl(signed.url().toString(), Map.of(), signed.expiration());
    }
}
