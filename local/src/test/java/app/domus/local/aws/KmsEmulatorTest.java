package app.domus.local.aws;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.local.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local KMS: ciphertexts bound to their key and encryption context, data keys, and a root key that survives a restart. */
class KmsEmulatorTest {
    @TempDir Path data;

    private static JsonNode call(KmsEmulator kms, String operation, Map<String, Object> input, int status) {
        AwsResponse response = kms.handle(new AwsRequest("POST", "/", "", Map.of("X-Amz-Target", List.of("TrentService." + operation)),
                Json.write(input).getBytes(StandardCharsets.UTF_8)));
        assertThat(response.status()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(status);
        return Json.read(new String(response.body(), StandardCharsets.UTF_8));
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aCiphertextDecryptsOnlyWithItsContextAndKeyAndAfterARestart() {
        Path root = data.resolve("kms-root.key");
        KmsEmulator kms = new KmsEmulator(root, "eu-central-1");
        Map<String, Object> context = Map.of("connectionId", "c1");
        String blob = call(kms, "Encrypt", Map.of("KeyId", "CalendarTokenKey", "Plaintext", b64("{\"access\":\"a\"}"), "EncryptionContext", context), 200)
                .path("CiphertextBlob").asText();
        assertThat(new String(Base64.getDecoder().decode(blob), StandardCharsets.ISO_8859_1)).doesNotContain("access");

        JsonNode plain = call(kms, "Decrypt", Map.of("CiphertextBlob", blob, "EncryptionContext", context), 200);
        assertThat(new String(Base64.getDecoder().decode(plain.path("Plaintext").asText()), StandardCharsets.UTF_8)).isEqualTo("{\"access\":\"a\"}");
        assertThat(plain.path("KeyId").asText()).endsWith(":key/CalendarTokenKey");

        assertThat(call(kms, "Decrypt", Map.of("CiphertextBlob", blob, "EncryptionContext", Map.of("connectionId", "c2")), 400)
                .path("__type").asText()).isEqualTo("InvalidCiphertextException");
        assertThat(call(kms, "Decrypt", Map.of("CiphertextBlob", blob, "KeyId", "another", "EncryptionContext", context), 400)
                .path("__type").asText()).isEqualTo("IncorrectKeyException");

        KmsEmulator restarted = new KmsEmulator(root, "eu-central-1");
        assertThat(call(restarted, "Decrypt", Map.of("CiphertextBlob", blob, "EncryptionContext", context), 200).path("Plaintext").asText())
                .isEqualTo(plain.path("Plaintext").asText());
        assertThat(call(new KmsEmulator(data.resolve("other-root.key"), "eu-central-1"), "Decrypt",
                Map.of("CiphertextBlob", blob, "EncryptionContext", context), 400).path("__type").asText()).isEqualTo("InvalidCiphertextException");
    }

    @Test
    void aDataKeyComesWithItsCiphertext() {
        KmsEmulator kms = new KmsEmulator(data.resolve("kms-root.key"), "eu-central-1");
        JsonNode key = call(kms, "GenerateDataKey", Map.of("KeyId", "alias/domus", "KeySpec", "AES_256"), 200);
        assertThat(Base64.getDecoder().decode(key.path("Plaintext").asText())).hasSize(32);
        JsonNode again = call(kms, "Decrypt", Map.of("CiphertextBlob", key.path("CiphertextBlob").asText()), 200);
        assertThat(again.path("Plaintext").asText()).isEqualTo(key.path("Plaintext").asText());
        assertThat(call(kms, "ListKeys", Map.of(), 400).path("__type").asText()).isEqualTo("UnsupportedOperationException");
    }
}
