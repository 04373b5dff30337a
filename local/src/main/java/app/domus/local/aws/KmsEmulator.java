package app.domus.local.aws;

import app.domus.local.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS KMS in its JSON 1.1 protocol ({@code X-Amz-Target: TrentService.<Operation>}) for symmetric keys: Encrypt,
 * Decrypt and GenerateDataKey (AES_256 or AES_128, or NumberOfBytes). Any key id, ARN or alias names a key, made on
 * first use; each key's material is derived (HMAC-SHA256) from one root key of 32 random bytes kept in the data
 * directory, so ciphertexts decrypt after a restart. Ciphertexts are AES-256-GCM with the encryption context (its
 * entries sorted) as additional data, and carry their key id as KMS's do: Decrypt needs no KeyId, refuses another one
 * ({@code IncorrectKeyException}), and a wrong context or a changed byte is {@code InvalidCiphertextException}.
 * Plaintexts are limited to 4,096 bytes, as KMS limits them.
 */
public final class KmsEmulator implements AwsApi {
    private static final byte VERSION = 1;

    private final byte[] rootKey;
    private final String region;
    private final SecureRandom random = new SecureRandom();

    public KmsEmulator(Path rootKeyFile, String region) {
        this.rootKey = rootKey(rootKeyFile);
        this.region = region;
    }

    private byte[] rootKey(Path file) {
        try {
            if (Files.exists(file)) return Files.readAllBytes(file);
            byte[] key = new byte[32];
            random.nextBytes(key);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, key);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public AwsResponse handle(AwsRequest request) {
        String operation = AwsJsonProtocol.operation(request);
        JsonNode input = AwsJsonProtocol.input(request);
        try {
            return switch (operation) {
                case "Encrypt" -> encrypt(input);
                case "Decrypt" -> decrypt(input);
                case "GenerateDataKey" -> generateDataKey(input);
                default -> AwsJsonProtocol.error("UnsupportedOperationException", "The local cloud does not implement KMS " + operation);
            };
        } catch (IllegalArgumentException e) {
            return AwsJsonProtocol.error("ValidationException", e.getMessage());
        }
    }

    private AwsResponse encrypt(JsonNode input) {
        String keyId = keyId(input, true);
        byte[] plaintext = base64(input, "Plaintext");
        if (plaintext.length == 0 || plaintext.length > 4096) throw new IllegalArgumentException("Plaintext must be 1 to 4096 bytes.");
        return AwsJsonProtocol.ok(Json.object().put("CiphertextBlob", seal(keyId, plaintext, context(input)))
                .put("KeyId", arn(keyId)).put("EncryptionAlgorithm", "SYMMETRIC_DEFAULT"));
    }

    private AwsResponse generateDataKey(JsonNode input) {
        String keyId = keyId(input, true);
        int bytes = input.hasNonNull("NumberOfBytes") ? input.path("NumberOfBytes").asInt()
                : "AES_128".equals(input.path("KeySpec").asText("AES_256")) ? 16 : 32;
        if (bytes < 1 || bytes > 1024) throw new IllegalArgumentException("NumberOfBytes must be 1 to 1024.");
        byte[] dataKey = new byte[bytes];
        random.nextBytes(dataKey);
        return AwsJsonProtocol.ok(Json.object().put("CiphertextBlob", seal(keyId, dataKey, context(input)))
                .put("Plaintext", Base64.getEncoder().encodeToString(dataKey)).put("KeyId", arn(keyId)));
    }

    private AwsResponse decrypt(JsonNode input) {
        ByteBuffer blob = ByteBuffer.wrap(base64(input, "CiphertextBlob"));
        try {
            if (blob.get() != VERSION) return invalidCiphertext();
            byte[] id = new byte[blob.getShort()];
            blob.get(id);
            String keyId = new String(id, StandardCharsets.UTF_8);
            String asked = keyId(input, false);
            if (asked != null && !asked.equals(keyId)) {
                return AwsJsonProtocol.error("IncorrectKeyException", "The key ID in the request does not identify a CMK that can perform this operation.");
            }
            byte[] iv = new byte[12];
            blob.get(iv);
            byte[] sealed = new byte[blob.remaining()];
            blob.get(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(keyId), new GCMParameterSpec(128, iv));
            cipher.updateAAD(context(input));
            byte[] plaintext = cipher.doFinal(sealed);
            return AwsJsonProtocol.ok(Json.object().put("Plaintext", Base64.getEncoder().encodeToString(plaintext))
                    .put("KeyId", arn(keyId)).put("EncryptionAlgorithm", "SYMMETRIC_DEFAULT"));
        } catch (GeneralSecurityException | RuntimeException e) {
            return invalidCiphertext();
        }
    }

    private String seal(String keyId, byte[] plaintext, byte[] context) {
        try {
            byte[] iv = new byte[12];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(keyId), new GCMParameterSpec(128, iv));
            cipher.updateAAD(context);
            byte[] sealed = cipher.doFinal(plaintext);
            byte[] id = keyId.getBytes(StandardCharsets.UTF_8);
            ByteBuffer blob = ByteBuffer.allocate(1 + 2 + id.length + iv.length + sealed.length);
            blob.put(VERSION).putShort((short) id.length).put(id).put(iv).put(sealed);
            return Base64.getEncoder().encodeToString(blob.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private SecretKeySpec key(String keyId) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(rootKey, "HmacSHA256"));
        return new SecretKeySpec(mac.doFinal(keyId.getBytes(StandardCharsets.UTF_8)), "AES");
    }

    /** The key named by KeyId: an ARN's key part ({@code key/<id>} or {@code alias/<name>}), an alias, or an id. */
    private static String keyId(JsonNode input, boolean required) {
        String given = input.path("KeyId").asText(null);
        if (given == null || given.isBlank()) {
            if (required) throw new IllegalArgumentException("KeyId is required.");
            return null;
        }
        if (given.startsWith("arn:")) {
            String resource = given.substring(given.indexOf(':', given.indexOf(":kms:") + 5) + 1);
            resource = resource.substring(resource.indexOf(':') + 1);
            return resource.startsWith("key/") ? resource.substring(4) : resource;
        }
        return given;
    }

    private String arn(String keyId) {
        return "arn:aws:kms:" + region + ":000000000000:" + (keyId.startsWith("alias/") ? keyId : "key/" + keyId);
    }

    private static byte[] base64(JsonNode input, String field) {
        String value = input.path(field).asText(null);
        if (value == null) throw new IllegalArgumentException(field + " is required.");
        return Base64.getDecoder().decode(value);
    }

    /** The encryption context, its entries sorted by key, as the ciphertext's additional data. */
    private static byte[] context(JsonNode input) {
        Map<String, String> sorted = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = input.path("EncryptionContext").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            sorted.put(e.getKey(), e.getValue().asText());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sorted.forEach((k, v) -> out.writeBytes((k.length() + ":" + k + "=" + v.length() + ":" + v + ";").getBytes(StandardCharsets.UTF_8)));
        return out.toByteArray();
    }

    private static AwsResponse invalidCiphertext() {
        return AwsJsonProtocol.error("InvalidCiphertextException", "The ciphertext is not valid for this key and encryption context.");
    }
}
