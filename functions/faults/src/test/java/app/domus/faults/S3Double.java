package app.domus.faults;

import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.TransientApiMetadata;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * A real S3 on a local port for the whole test JVM: S3Proxy over an in-memory blob store, checking request
 * signatures (so presigned URLs are verified as S3 would). Each fixture gets its own bucket.
 */
/* us-east-1: the in-memory store knows no other location to create buckets in. */
public final class S3Double {
    private static final String KEY_ID = "test-key";
    private static final String SECRET = "test-secret";
    private static final AtomicInteger BUCKETS = new AtomicInteger();
    private static URI endpoint;
    private static S3Client client;
    private static S3Presigner presigner;

    private S3Double() {}

    public static synchronized S3Client client() {
        if (client == null) start();
        return client;
    }

    public static synchronized S3Presigner presigner() {
        if (presigner == null) start();
        return presigner;
    }

    /** Creates an empty bucket and returns its name. */
    public static String newBucket() {
        String name = "photos-" + BUCKETS.incrementAndGet();
        client().createBucket(b -> b.bucket(name));
        return name;
    }

    public static List<String> keys(String bucket) {
        return client().listObjectsV2(b -> b.bucket(bucket)).contents().stream().map(S3Object::key).sorted().toList();
    }

    public static ResponseBytes<GetObjectResponse> object(String bucket, String key) {
        return client().getObjectAsBytes(b -> b.bucket(bucket).key(key));
    }

    private static void start() {
        try {
            // By its metadata, not by name: a lookup by name would load every provider, and the cloud ones are excluded.
            BlobStoreContext context = ContextBuilder.newBuilder(new TransientApiMetadata()).buildView(BlobStoreContext.class);
            S3Proxy proxy = S3Proxy.builder().blobStore(context.getBlobStore())
                    .endpoint(URI.create("http://127.0.0.1:0"))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, KEY_ID, SECRET)
                    .ignoreUnknownHeaders(true)
                    .build();
            proxy.start();
            while (!proxy.getState().equals("STARTED")) Thread.onSpinWait();
            endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
            var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY_ID, SECRET));
            client = S3Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(credentials)
                    .forcePathStyle(true).httpClient(UrlConnectionHttpClient.create()).build();
            presigner = S3Presigner.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(credentials)
                    .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()).build();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    proxy.stop();
                } catch (Exception ignored) {
                    // the JVM is going away anyway
                }
            }));
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not start", e);
        }
    }
}
