package app.domus.listings.photos;

import app.domus.shared.aws.PlatformConfig;
import dagger.Lazy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** {@link MediaStore} on S3; the clients are built on first use (a listing without photos never needs them). */
@Singleton
public class S3MediaStore implements MediaStore {
    private final Lazy<S3Client> s3;
    private final Lazy<S3Presigner> presigner;
    private final Supplier<String> bucketName;

    @Inject
    public S3MediaStore(Lazy<S3Client> s3, Lazy<S3Presigner> presigner, PlatformConfig config) {
        this(s3, presigner, config::photosBucket);
    }

    private S3MediaStore(Lazy<S3Client> s3, Lazy<S3Presigner> presigner, Supplier<String> bucketName) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucketName = bucketName;
    }

    @Override
    public MediaStore inBucket(String bucket) {
        return new S3MediaStore(s3, presigner, () -> bucket);
    }

    @Override
    public Optional<Long> size(String key) {
        return ifPresent(() -> s3.get().headObject(b -> b.bucket(bucketName.get()).key(key)).contentLength());
    }

    @Override
    public byte[] firstBytes(String key, int count) {
        return s3.get().getObjectAsBytes(b -> b.bucket(bucketName.get()).key(key).range("bytes=0-" + (count - 1))).asByteArray();
    }

    @Override
    public Optional<byte[]> read(String key) {
        return ifPresent(() -> s3.get().getObjectAsBytes(b -> b.bucket(bucketName.get()).key(key)).asByteArray());
    }

    @Override
    public void put(String key, byte[] bytes, String contentType) {
        s3.get().putObject(b -> b.bucket(bucketName.get()).key(key).contentType(contentType), RequestBody.fromBytes(bytes));
    }

    @Override
    public boolean copy(String fromKey, String toKey, String contentType) {
        return ifPresent(() -> s3.get().copyObject(b -> b.sourceBucket(bucketName.get()).sourceKey(fromKey).destinationBucket(bucketName.get())
                .destinationKey(toKey).metadataDirective(MetadataDirective.REPLACE).contentType(contentType))).isPresent();
    }

    @Override
    public void delete(String key) {
        s3.get().deleteObject(b -> b.bucket(bucketName.get()).key(key));
    }

    @Override
    public String downloadUrl(String key, Duration validFor) {
        return presigner.get().presignGetObject(p -> p.signatureDuration(validFor).getObjectRequest(r -> r.bucket(bucketName.get()).key(key)))
                .url().toString();
    }

    private static <T> Optional<T> ifPresent(Supplier<T> call) {
        try {
            return Optional.of(call.get());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) return Optional.empty();
            throw e;
        }
    }
}
