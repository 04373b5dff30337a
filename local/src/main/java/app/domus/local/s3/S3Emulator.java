package app.domus.local.s3;

import app.domus.local.faults.FaultInjector;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.CrossOriginResourceSharing;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.filesystem.FilesystemApiMetadata;

/**
 * S3Proxy over a directory of the data directory: real S3 protocol with signature checks (so presigned URLs are
 * verified, and expire), path-style addressing, and event notifications raised through {@link ObjectEvents}.
 */
public final class S3Emulator implements AutoCloseable {
    private final S3Proxy proxy;
    private final BlobStoreContext context;

    private S3Emulator(S3Proxy proxy, BlobStoreContext context) {
        this.proxy = proxy;
        this.context = context;
    }

    public static S3Emulator start(int port, Path dataDirectory, String accessKeyId, String secretAccessKey, ObjectEvents events) throws Exception {
        return start(port, dataDirectory, accessKeyId, secretAccessKey, events, new FaultInjector());
    }

    /** As {@link #start(int, Path, String, String, ObjectEvents)}, with the platform's calls first put to {@code faults} ({@link FaultInjectingS3Handler}). */
    public static S3Emulator start(int port, Path dataDirectory, String accessKeyId, String secretAccessKey, ObjectEvents events,
                                   FaultInjector faults) throws Exception {
        Files.createDirectories(dataDirectory);
        Properties filesystem = new Properties();
        filesystem.setProperty("jclouds.filesystem.basedir", dataDirectory.toAbsolutePath().toString());
        // By its metadata, not by name: a lookup by name would load every provider S3Proxy registers, and the cloud ones are excluded.
        BlobStoreContext context = ContextBuilder.newBuilder(new FilesystemApiMetadata()).overrides(filesystem).buildView(BlobStoreContext.class);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(new NotifyingBlobStore(context.getBlobStore(), events))
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKeyId, secretAccessKey)
                .corsRules(new CrossOriginResourceSharing(List.of("*"), List.of("GET", "PUT", "POST", "HEAD", "DELETE"),
                        List.of("*"), List.of("ETag"), "false"))
                .ignoreUnknownHeaders(true)
                .build();
        FaultInjectingS3Handler.install(proxy, faults);
        proxy.start();
        while (!proxy.getState().equals("STARTED")) {
            Thread.sleep(10);
        }
        return new S3Emulator(proxy, context);
    }

    /** Creates the bucket unless it exists (from an earlier start, with its objects). */
    public void createBucket(String name) {
        BlobStore store = context.getBlobStore();
        if (!store.containerExists(name)) store.createContainerInLocation(null, name);
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
        context.close();
    }
}
