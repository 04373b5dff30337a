package app.domus.local.testing;

import app.domus.local.faults.FaultInjector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * What the emulators' fault tests share: a free port to start an emulator on, and SDK clients of it as the platform's
 * functions build them (the standard retry mode, whose three attempts the tests count) or as the local cloud's own
 * machinery does (marked {@link FaultInjector#INTERNAL_CALLER_HEADER}, passing every rule).
 */
public final class FaultTestClients {
    private FaultTestClients() {}

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code builder} (any service's, with its own settings such as S3's path style made) pointed at the emulator. */
    public static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(B builder, int port, boolean localCloudItself) {
        return builder.endpointOverride(URI.create("http://127.0.0.1:" + port)).region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local-secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> {
                    o.retryStrategy(RetryMode.STANDARD);
                    if (localCloudItself) o.putHeader(FaultInjector.INTERNAL_CALLER_HEADER, "true");
                }).build();
    }
}
