package app.domus.rentals.channels;

import app.domus.shared.config.Env;
import app.domus.shared.json.Json;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
 * {@link ChannelCredentials} as SecureString SSM parameters ({@code /<name>}), for a cloud without Secrets Manager: the
 * local cloud emulates SSM and, until it emulates Secrets Manager too, its channel double sets the template parameter
 * {@code ChannelCredentialsStore} to {@code ssm}. Two calls of SSM's JSON protocol (PutParameter, GetParameter), signed
 * with the SDK core's SigV4 signer over the kernel's HTTP client, instead of the 6 MB SSM client, which would take the
 * zip past its 20 MB budget. Credentials and region come from the SDK's default chains, the endpoint from the SDK's
 * standard settings ({@code aws.endpointUrlSsm}, {@code AWS_ENDPOINT_URL_SSM}, {@code aws.endpointUrl},
 * {@code AWS_ENDPOINT_URL}) or else SSM's regional endpoint.
 */
public class ParameterStoreChannelCredentials implements ChannelCredentials {
    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
    private volatile String region;

    public ParameterStoreChannelCredentials(SdkHttpClient http) {
        this.http = http;
    }

    @Override
    public void save(String name, Map<String, String> values) {
        call("PutParameter", Map.of("Name", "/" + name, "Type", "SecureString", "Value", Json.write(values), "Overwrite", true));
    }

    @Override
    public Map<String, String> read(String name) {
        JsonNode answer = call("GetParameter", Map.of("Name", "/" + name, "WithDecryption", true));
        return Json.MAPPER.convertValue(Json.tree(answer.path("Parameter").path("Value").asText()), new TypeReference<Map<String, String>>() {});
    }

    private JsonNode call(String action, Map<String, Object> input) {
        byte[] body = Json.write(input).getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint())
                .putHeader("Content-Type", "application/x-amz-json-1.1").putHeader("X-Amz-Target", "AmazonSSM." + action)
                .putHeader("Content-Length", String.valueOf(body.length)).build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r.identity(credentials.resolveIdentity().join()).request(request)
                .payload(ContentStreamProvider.fromByteArrayUnsafe(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "ssm")
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
            if (status / 100 != 2) throw new IllegalStateException("SSM answered " + status + " to " + action + ": " + text);
            return text.isBlank() ? Json.tree("{}") : Json.tree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("SSM " + action + " failed", e);
        }
    }

    private String region() {
        String known = region;
        if (known == null) region = known = new DefaultAwsRegionProviderChain().getRegion().id();
        return known;
    }

    private URI endpoint() {
        String endpoint = System.getProperty("aws.endpointUrlSsm");
        if (endpoint == null) endpoint = Env.optional("AWS_ENDPOINT_URL_SSM").orElse(null);
        if (endpoint == null) endpoint = System.getProperty("aws.endpointUrl");
        if (endpoint == null) endpoint = Env.optional("AWS_ENDPOINT_URL").orElse(null);
        return URI.create(endpoint != null ? endpoint.replaceAll("/+$", "") + "/" : "https://ssm." + region() + ".amazonaws.com/");
    }
}
