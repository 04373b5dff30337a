package app.domus.local.sns;

/** An SNS message attribute: {@code String}, {@code String.Array}, {@code Number} or {@code Binary} (base64 in {@code value}). */
public record MessageAttribute(String dataType, String value) {}
