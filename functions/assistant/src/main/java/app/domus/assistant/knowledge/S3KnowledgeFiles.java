package app.domus.assistant.knowledge;

import app.domus.shared.aws.PlatformConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The knowledge's files in the platform's private bucket, under {@code knowledge/<organisationId>/<buildingId>/}. */
@Singleton
public class S3KnowledgeFiles implements KnowledgeFiles {
    private final S3Client s3;
    private final PlatformConfig config;

    @Inject
    public S3KnowledgeFiles(S3Client s3, PlatformConfig config) {
        this.s3 = s3;
        this.config = config;
    }

    @Override
    public void put(String key, byte[] content, String contentType) {
        s3.putObject(b -> b.bucket(config.photosBucket()).key(key).contentType(contentType), RequestBody.fromBytes(content));
    }

    @Override
    public byte[] get(String key) {
        return s3.getObjectAsBytes(b -> b.bucket(config.photosBucket()).key(key)).asByteArray();
    }

    @Override
    public void delete(String key) {
        s3.deleteObject(b -> b.bucket(config.photosBucket()).key(key));
    }
}
