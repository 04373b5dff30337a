package app.domus.calendar.connect;

/** Encrypts a connection's OAuth tokens for the table; {@code connectionId} binds the ciphertext to its connection. */
public interface TokenCipher {
    String encrypt(String plaintext, String connectionId);

    String decrypt(String ciphertext, String connectionId);
}
