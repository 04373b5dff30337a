package app.domus.maintenance.predict;

import app.domus.maintenance.model.RiskModel;
import app.domus.maintenance.model.Training;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Versioned model files in S3: {@code maintenance/models/<version>.ubj} (XGBoost's UBJSON), and
 * {@code maintenance/models/CURRENT} naming the version in use. Loaded once per cold start. A bucket without a model
 * (a fresh deployment, the local cloud's first run) gets one: trained on the synthetic history with the fixed seed
 * ({@link Training#bootstrap}), saved under its version and made current, as the training command does.
 */
public class S3ModelStore implements ModelStore {
    private static final Logger LOG = LoggerFactory.getLogger(S3ModelStore.class);
    public static final String PREFIX = "maintenance/models/";
    public static final String CURRENT = PREFIX + "CURRENT";

    private final S3Client s3;
    private final String bucket;
    private volatile RiskModel loaded;

    public S3ModelStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public RiskModel current() {
        RiskModel model = loaded;
        if (model == null) {
            synchronized (this) {
                if (loaded == null) loaded = load();
                model = loaded;
            }
        }
        return model;
    }

    private RiskModel load() {
        String version;
        try {
            version = s3.getObjectAsBytes(b -> b.bucket(bucket).key(CURRENT)).asUtf8String().strip();
        } catch (NoSuchKeyException e) {
            RiskModel model = Training.bootstrap();
            publish(s3, bucket, model);
            LOG.info("No risk model in s3://{}/{}: trained and published {}", bucket, PREFIX, model.version());
            return model;
        }
        byte[] bytes = s3.getObjectAsBytes(b -> b.bucket(bucket).key(PREFIX + version + ".ubj")).asByteArray();
        LOG.info("Risk model {} loaded ({} bytes)", version, bytes.length);
        return RiskModel.load(bytes, version);
    }

    /** Saves a model under its version and makes it current. */
    public static void publish(S3Client s3, String bucket, RiskModel model) {
        s3.putObject(b -> b.bucket(bucket).key(PREFIX + model.version() + ".ubj").contentType("application/ubjson"),
                RequestBody.fromBytes(model.bytes()));
        s3.putObject(b -> b.bucket(bucket).key(CURRENT).contentType("text/plain"),
                RequestBody.fromString(model.version(), StandardCharsets.UTF_8));
    }
}
