package app.domus.privacy.export;

import app.domus.shared.aws.PlatformConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** The exports in the platform's bucket ({@code PHOTOS_BUCKET}), whose lifecycle rule expires {@code exports/} after 7 days. */
@Singleton
public class S3ExportStore implements ExportStore {
    private final S3Client s3;
    private final S3Presigner presigner;
    private final PlatformConfig config;

    @Inject
    public S3ExportStore(S3Client s3, S3Presigner presigner, PlatformConfig config) {
        this.s3 = s3;
        this.presigner = presigner;
        this.config = config;
    }

    @Override
    public void put(String key, byte[] zip, String fileName) {
        s3.putObject(b -> b.bucket(config.photosBucket()).key(key).contentType("application/zip")
                .contentDisposition("attachment; filename=\"" + fileName + "\""), RequestBody.fromBytes(zip));
    }

    @Override
    public String link(String key, Duration life) {
        return presigner.presignGetObject(p -> p.signatureDuration(life)
                .getObjectRequest(g -> g.bucket(config.photosBucket()).key(key))).url().toString();
    }

    @Override
    public int deleteAll(String prefix) {
        int n = 0;
        for (var object : s3.listObjectsV2Paginator(b -> b.bucket(config.photosBucket()).prefix(prefix)).contents()) {
            s3.deleteObject(b -> b.bucket(config.photosBucket()).key(object.key()));
            n++;
        }
        return n;
    }
}
