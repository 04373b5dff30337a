package app.domus.faults.uploads;

import java.util.Map;

/**
 * Where to send the photo: {@code PUT uploadUrl} with exactly these headers (they are part of the signature,
 * so a different type or length is refused by S3), before {@code expiresAt}.
 */
public record UploadView(String uploadId, String uploadUrl, String method, Map<String, String> headers, String expiresAt) {}
