package app.domus.meters.readings;

import app.domus.shared.aws.PlatformConfig;
import app.domus.shared.photos.PhotoFormat;
import dagger.Lazy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Photos of meter registers in the photos bucket, under {@code meter-readings/<meterId>/<readingId>.<extension>}. The S3
 * client is built on the first photo (a reading without one, and every device reading, never needs it).
 */
@Singleton
public class MeterPhotos {
    private final Lazy<S3Client> s3;
    private final PlatformConfig config;

    @Inject
    public MeterPhotos(Lazy<S3Client> s3, PlatformConfig config) {
        this.s3 = s3;
        this.config = config;
    }

    public String store(String meterId, String readingId, byte[] photo, PhotoFormat format) {
        String key = "meter-readings/" + meterId + "/" + readingId + "." + format.extension();
        s3.get().putObject(b -> b.bucket(config.photosBucket()).key(key).contentType(format.contentType()), RequestBody.fromBytes(photo));
        return key;
    }

    /** The object's size, or empty when there is none. */
    public java.util.Optional<Long> size(String key) {
        try {
            return java.util.Optional.of(s3.get().headObject(b -> b.bucket(config.photosBucket()).key(key)).contentLength());
        } catch (software.amazon.awssdk.services.s3.model.NoSuchKeyException e) {
            return java.util.Optional.empty();
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() == 404) return java.util.Optional.empty();
            throw e;
        }
    }

    /** The object's first bytes, to recognise its format without reading it whole. */
    public byte[] firstBytes(String key, int count) {
        return s3.get().getObjectAsBytes(b -> b.bucket(config.photosBucket()).key(key).range("bytes=0-" + (count - 1))).asByteArray();
    }

    /** An uploaded photo copied to the reading's key (the upload's object is left to the bucket's lifecycle rule). */
    public String copyUpload(String uploadKey, String meterId, String readingId, PhotoFormat format) {
        String key = "meter-readings/" + meterId + "/" + readingId + "." + format.extension();
        s3.get().copyObject(b -> b.sourceBucket(config.photosBucket()).sourceKey(uploadKey).destinationBucket(config.photosBucket())
                .destinationKey(key).contentType(format.contentType()).metadataDirective(software.amazon.awssdk.services.s3.model.MetadataDirective.REPLACE));
        return key;
    }

    public byte[] read(String key) {
        return s3.get().getObjectAsBytes(b -> b.bucket(config.photosBucket()).key(key)).asByteArray();
    }
}
