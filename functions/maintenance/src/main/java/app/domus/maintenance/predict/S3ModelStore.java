package app.domus.maintenance.predict;

import app.domus.maintenance.model.RiskModel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Versioned model files in S3: {@code maintenance/models/<version>.ubj} (XGBoost's UBJSON), and
 * {@code maintenance/models/CURRENT} naming the version in use. The daily job reads which version is current and hands
 * each building's prediction a presigned address of its file (the prediction function's zip has no room for the S3
 * client beside XGBoost); the training command publishes.
 */
public class S3ModelStore {
    public static final String PREFIX = "maintenance/models/";
    public static final String CURRENT = PREFIX + "CURRENT";
    /** How long a prediction message's model address works: its retries fit in it. */
    static final Duration ADDRESS_LIFETIME = Duration.ofHours(6);

    public record Published(String version, String url) {}

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;

    public S3ModelStore(S3Client s3, S3Presigner presigner, String bucket) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
    }

    /** The current model's version and a presigned address of its file; empty before the first model is published. */
    public Optional<Published> current() {
        if (bucket == null || bucket.isBlank()) return Optional.empty();
        String version;
        try {
            version = s3.getObjectAsBytes(b -> b.bucket(bucket).key(CURRENT)).asUtf8String().strip();
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
        String url = presigner.presignGetObject(p -> p.signatureDuration(ADDRESS_LIFETIME)
                .getObjectRequest(g -> g.bucket(bucket).key(PREFIX + version + ".ubj"))).url().toString();
        return Optional.of(new Published(version, url));
    }

    /** Saves a model under its version and makes it current. */
    public static void publish(S3Client s3, String bucket, RiskModel model) {
        s3.putObject(b -> b.bucket(bucket).key(PREFIX + model.version() + ".ubj").contentType("application/ubjson"),
                RequestBody.fromBytes(model.bytes()));
        s3.putObject(b -> b.bucket(bucket).key(CURRENT).contentType("text/plain"),
                RequestBody.fromString(model.version(), StandardCharsets.UTF_8));
    }
}
