package app.domus.rentals.stays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.rentals.channels.SecretsManagerChannelCredentials;
import app.domus.shared.json.Json;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Error;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

/** The ID images in S3 and the channels' secrets in Secrets Manager, against recording clients. */
class AwsAdaptersTest {
    private final List<Object> requests = new ArrayList<>();
    private volatile List<S3Error> s3Errors = List.of();

    @SuppressWarnings("unchecked")
    private static <B> B built(Object consumer, B builder) {
        ((Consumer<B>) consumer).accept(builder);
        return builder;
    }

    private final S3Client s3 = (S3Client) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {S3Client.class}, (p, m, a) -> {
        switch (m.getName()) {
            case "putObject" -> {
                requests.add(built(a[0], PutObjectRequest.builder()).build());
                requests.add(((RequestBody) a[1]).optionalContentLength().orElse(-1L));
                return PutObjectResponse.builder().build();
            }
            case "deleteObjects" -> {
                requests.add(built(a[0], DeleteObjectsRequest.builder()).build());
                return DeleteObjectsResponse.builder().errors(s3Errors).build();
            }
            default -> throw new UnsupportedOperationException(m.getName());
        }
    });

    private final SecretsManagerClient secrets = (SecretsManagerClient) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {SecretsManagerClient.class}, (p, m, a) -> {
                switch (m.getName()) {
                    case "createSecret" -> {
                        requests.add(built(a[0], CreateSecretRequest.builder()).build());
                        return CreateSecretResponse.builder().build();
                    }
                    case "getSecretValue" -> {
                        GetSecretValueRequest r = built(a[0], GetSecretValueRequest.builder()).build();
                        requests.add(r);
                        return GetSecretValueResponse.builder().secretString("{\"apiKey\":\"k-" + r.secretId() + "\"}").build();
                    }
                    default -> throw new UnsupportedOperationException(m.getName());
                }
            });

    @Test
    void anImageIsStoredEncryptedUnderTheStaysPrefix() {
        var documents = new S3GuestDocuments(s3, "files");
        String key = documents.put("org-1", "res-1", "a.jpg", "image/jpeg", new byte[] {1, 2, 3});
        assertThat(key).isEqualTo("guest-documents/org-1/res-1/a.jpg");
        PutObjectRequest put = (PutObjectRequest) requests.get(0);
        assertThat(put.bucket()).isEqualTo("files");
        assertThat(put.key()).isEqualTo(key);
        assertThat(put.contentType()).isEqualTo("image/jpeg");
        assertThat(put.serverSideEncryptionAsString()).isEqualTo("AES256");
        assertThat(requests.get(1)).isEqualTo(3L);
    }

    @Test
    void imagesAreDeletedInOneQuietRequestAndWhatS3KeepsIsAnError() {
        var documents = new S3GuestDocuments(s3, "files");
        documents.delete(List.of());
        documents.delete(null);
        assertThat(requests).isEmpty();
        documents.delete(List.of("k1", "k2"));
        DeleteObjectsRequest delete = (DeleteObjectsRequest) requests.getFirst();
        assertThat(delete.bucket()).isEqualTo("files");
        assertThat(delete.delete().quiet()).isTrue();
        assertThat(delete.delete().objects()).extracting(o -> o.key()).containsExactly("k1", "k2");

        s3Errors = List.of(S3Error.builder().key("k2").code("AccessDenied").build());
        assertThatThrownBy(() -> documents.delete(List.of("k2"))).isInstanceOf(IllegalStateException.class)
                .hasMessage("S3 kept 1 guest document(s): AccessDenied");
    }

    @Test
    void aChannelsCredentialsAreOneJsonSecretReadBackAsAMap() {
        var store = new SecretsManagerChannelCredentials(() -> secrets);
        store.save("domus/rentals/channels/ch", Map.of("feedUrl", "https://f.example.test/x.ics"));
        CreateSecretRequest created = (CreateSecretRequest) requests.getFirst();
        assertThat(created.name()).isEqualTo("domus/rentals/channels/ch");
        assertThat(Json.tree(created.secretString()).path("feedUrl").asText()).isEqualTo("https://f.example.test/x.ics");
        assertThat(created.description()).contains("rental channel");
        assertThat(store.read("s1")).isEqualTo(Map.of("apiKey", "k-s1"));
        assertThat(((GetSecretValueRequest) requests.get(1)).secretId()).isEqualTo("s1");
    }
}
