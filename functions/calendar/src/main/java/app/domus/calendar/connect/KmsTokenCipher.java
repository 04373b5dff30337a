package app.domus.calendar.connect;

import app.domus.shared.config.Env;
import app.domus.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * Tokens encrypted with a KMS key ({@code CALENDAR_TOKEN_KEY_ID}, the template's {@code CalendarTokenKey}): KMS
 * {@code Encrypt} and {@code Decrypt} in its JSON 1.1 protocol with the connection's id as encryption context, so a
 * ciphertext copied onto another connection does not decrypt. Two calls, signed with the SDK core's SigV4 signer over
 * the kernel's HTTP client, instead of the KMS client the build does not carry. Credentials and region come from the
 * SDK's default chains, the endpoint from the SDK's standard settings ({@code aws.endpointUrlKms},
 * {@code AWS_ENDPOINT_URL_KMS}, {@code aws.endpointUrl}, {@code AWS_ENDPOINT_URL}) or else KMS's regional endpoint: the
 * local cloud emulates KMS there.
 */
public class KmsTokenCipher implements TokenCipher {
    private final SdkHttpClient http;
    private final String keyId;
    private final AwsCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
    private volatile String region;

    public KmsTokenCipher(SdkHttpClient http, String keyId) {
        this.http = http;
        this.keyId = keyId;
    }

    @Override
    public String encrypt(String plaintext, String connectionId) {
        String encoded = Base64.getEncoder().encodeToString(plaintext.getBytes(StandardCharsets.UTF_8));
        return call("Encrypt", Map.of("KeyId", keyId, "Plaintext", encoded, "EncryptionContext", Map.of("connectionId", connectionId)))
                .path("CiphertextBlob").asText();
    }

    @Override
    public String decrypt(String ciphertext, String connectionId) {
        String plaintext = call("Decrypt", Map.of("KeyId", keyId, "CiphertextBlob", ciphertext, "EncryptionContext", Map.of("connectionId", connectionId)))
                .path("Plaintext").asText();
        return new String(Base64.getDecoder().decode(plaintext), StandardCharsets.UTF_8);
    }

    private JsonNode call(String action, Map<String, Object> input) {
        byte[] body = Json.write(input).getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint())
                .putHeader("Content-Type", "application/x-amz-json-1.1").putHeader("X-Amz-Target", "TrentService." + action)
                .putHeader("Content-Length", String.valueOf(body.length)).build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r.identity(credentials.resolveIdentity().join()).request(request)
                .payload(ContentStreamProvider.fromByteArrayUnsafe(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "kms")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region()));
        try {
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder().request(signed.request())
                    .contentStreamProvider(signed.payload().orElse(null)).build()).call();
            String text = "";
            if (response.responseBody().isPresent()) {
                try (InputStream in = response.responseBody().get()) {
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            int status = response.httpResponse().statusCode();
            if (status / 100 != 2) throw new IllegalStateException("KMS answered " + status + " to " + action + ": " + text);
            return Json.tree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("KMS " + action + " failed", e);
        }
    }

    private String region() {
        String known = region;
        if (known == null) region = known = new DefaultAwsRegionProviderChain().getRegion().id();
        return known;
    }

    private URI endpoint() {
        String endpoint = System.getProperty("aws.endpointUrlKms");
        if (endpoint == null) endpoint = Env.optional("AWS_ENDPOINT_URL_KMS").orElse(null);
        if (endpoint == null) endpoint = System.getProperty("aws.endpointUrl");
        if (endpoint == null) endpoint = Env.optional("AWS_ENDPOINT_URL").orElse(null);
        return URI.create(endpoint != null ? endpoint.replaceAll("/+$", "") + "/" : "https://kms." + region() + ".amazonaws.com/");
    }
}
