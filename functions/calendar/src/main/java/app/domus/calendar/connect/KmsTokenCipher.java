package app.domus.calendar.connect;

import java.util.Base64;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * Tokens encrypted with a KMS key ({@code CALENDAR_TOKEN_KEY_ID}, the template's {@code CalendarTokenKey}) through the
 * KMS client, with the connection's id as encryption context, so a ciphertext copied onto another connection does not
 * decrypt. Stored as base64. The client honours the SDK's standard endpoint settings: the local cloud emulates KMS.
 */
public class KmsTokenCipher implements TokenCipher {
    private final KmsClient kms;
    private final String keyId;

    public KmsTokenCipher(KmsClient kms, String keyId) {
        this.kms = kms;
        this.keyId = keyId;
    }

    @Override
    public String encrypt(String plaintext, String connectionId) {
        byte[] blob = kms.encrypt(b -> b.keyId(keyId).plaintext(SdkBytes.fromUtf8String(plaintext))
                .encryptionContext(Map.of("connectionId", connectionId))).ciphertextBlob().asByteArray();
        return Base64.getEncoder().encodeToString(blob);
    }

    @Override
    public String decrypt(String ciphertext, String connectionId) {
        return kms.decrypt(b -> b.keyId(keyId).ciphertextBlob(SdkBytes.fromByteArray(Base64.getDecoder().decode(ciphertext)))
                .encryptionContext(Map.of("connectionId", connectionId))).plaintext().asUtf8String();
    }
}
