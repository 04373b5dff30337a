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

    public byte[] read(String key) {
        return s3.get().getObjectAsBytes(b -> b.bucket(config.photosBucket()).key(key)).asByteArray();
    }
}
