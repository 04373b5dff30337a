package app.domus.messaging.messages;

import app.domus.shared.aws.PlatformConfig;
import app.domus.shared.photos.PhotoFormat;
import dagger.Lazy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Message attachments in the photos bucket. An upload is looked at (its size, then its first bytes) before it is
 * taken, and copied under the message's key: the uploads prefix is emptied by the bucket's lifecycle rule. The S3
 * clients are built on the first attachment; a message without one never needs them.
 */
@Singleton
public class AttachmentStore {
    private final Lazy<S3Client> s3;
    private final Lazy<S3Presigner> presigner;
    private final PlatformConfig config;

    @Inject
    public AttachmentStore(Lazy<S3Client> s3, Lazy<S3Presigner> presigner, PlatformConfig config) {
        this.s3 = s3;
        this.presigner = presigner;
        this.config = config;
    }

    /** What was uploaded: its size and the format its first bytes show, or empty when nothing was sent. */
    public Optional<Sent> inspect(String key) {
        long size;
        try {
            size = s3.get().headObject(b -> b.bucket(config.photosBucket()).key(key)).contentLength();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) return Optional.empty();
            throw e;
        }
        byte[] head = size == 0 ? new byte[0] : s3.get().getObjectAsBytes(b -> b.bucket(config.photosBucket()).key(key)
                .range("bytes=0-" + (PhotoFormat.SIGNATURE_BYTES - 1))).asByteArray();
        return Optional.of(new Sent(size, PhotoFormat.recognise(head)));
    }

    public record Sent(long sizeBytes, Optional<PhotoFormat> format) {}

    public void copy(String fromKey, String toKey, PhotoFormat format) {
        s3.get().copyObject(b -> b.sourceBucket(config.photosBucket()).sourceKey(fromKey).destinationBucket(config.photosBucket())
                .destinationKey(toKey).metadataDirective(MetadataDirective.REPLACE).contentType(format.contentType()));
    }

    /** Removes copies a message that was not stored would have had; a failure is left to the bucket's lifecycle. */
    public void discard(java.util.List<String> keys) {
        for (String key : keys) {
            try {
                s3.get().deleteObject(b -> b.bucket(config.photosBucket()).key(key));
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(AttachmentStore.class).warn("Could not delete attachment copy {}", key, e);
            }
        }
    }

    /** A presigned GET of an attachment, for the participants who list the message. */
    public String downloadUrl(String key, Duration validFor) {
        return presigner.get().presignGetObject(p -> p.signatureDuration(validFor)
                .getObjectRequest(r -> r.bucket(config.photosBucket()).key(key))).url().toString();
    }
}
