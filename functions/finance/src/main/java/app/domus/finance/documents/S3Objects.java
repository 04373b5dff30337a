package app.domus.finance.documents;

import app.domus.shared.config.Env;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * The two S3 calls the finance context makes, a PUT of an object and a presigned GET link, as SigV4-signed requests
 * through the SDK core's signer and HTTP client instead of the S3 SDK (4.5 MB that, with PDFBox, would take the zip past
 * its 20 MB budget). Credentials and region come from the SDK's default chains; the endpoint from
 * {@code AWS_ENDPOINT_URL_S3} / {@code AWS_ENDPOINT_URL} (path-style, for the local cloud) or the bucket's virtual host.
 */
final class S3Objects {
    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
    private volatile String region;

    S3Objects(SdkHttpClient http) {
        this.http = http;
    }

    void put(String bucket, String key, byte[] body, String contentType, String contentDisposition) {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.PUT).uri(uri(bucket, key))
                .putHeader("Content-Type", contentType).putHeader("Content-Disposition", contentDisposition)
                .putHeader("Content-Length", String.valueOf(body.length)).build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r.identity(identity()).request(request)
                .payload(ContentStreamProvider.fromByteArrayUnsafe(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region())
                .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, true));
        try {
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder().request(signed.request())
                    .contentStreamProvider(signed.payload().orElse(null)).build()).call();
            int status = response.httpResponse().statusCode();
            if (response.responseBody().isPresent()) response.responseBody().get().close();
            if (status / 100 != 2) throw new IllegalStateException("S3 answered " + status + " to the PUT of " + key);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store " + key, e);
        }
    }

    /** A GET link signed in its query string (X-Amz-Expires), as S3's presigner makes it. */
    String presignedGet(String bucket, String key, Duration lifetime) {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.GET).uri(uri(bucket, key)).build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r.identity(identity()).request(request)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region())
                .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false)
                .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, lifetime));
        return signed.request().getUri().toString();
    }

    private AwsCredentialsIdentity identity() {
        return credentials.resolveIdentity().join();
    }

    private String region() {
        String known = region;
        if (known == null) region = known = new DefaultAwsRegionProviderChain().getRegion().id();
        return known;
    }

    /** Keys here are made of ids, '/' and '.', which need no escaping. */
    private URI uri(String bucket, String key) {
        if (!key.matches("[A-Za-z0-9/._-]+")) throw new IllegalArgumentException("Unexpected object key " + key);
        String endpoint = System.getProperty("aws.endpointUrlS3");
        if (endpoint == null) endpoint = Env.optional("AWS_ENDPOINT_URL_S3").orElse(null);
        if (endpoint == null) endpoint = System.getProperty("aws.endpointUrl");
        if (endpoint == null) endpoint = Env.optional("AWS_ENDPOINT_URL").orElse(null);
        if (endpoint != null) return URI.create(endpoint.replaceAll("/+$", "") + "/" + bucket + "/" + key);
        return URI.create("https://" + bucket + ".s3." + region() + ".amazonaws.com/" + key);
    }
}
