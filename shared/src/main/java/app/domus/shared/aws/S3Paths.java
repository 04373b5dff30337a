package app.domus.shared.aws;

import app.domus.shared.config.Env;

/**
 * Whether S3 is addressed path-style. AWS prefers virtual-hosted buckets; S3-compatible servers on a
 * local port (LocalStack, the embedded local cloud) need the bucket in the path, and say so with
 * {@code S3_FORCE_PATH_STYLE=true} or by giving S3 a custom endpoint.
 */
final class S3Paths {
    private S3Paths() {}

    static boolean forcePathStyle() {
        if (Env.optional("S3_FORCE_PATH_STYLE").map(Boolean::parseBoolean).orElse(false)) return true;
        return Env.optional("AWS_ENDPOINT_URL_S3").isPresent() || Env.optional("AWS_ENDPOINT_URL").isPresent()
                || System.getProperty("aws.endpointUrlS3") != null || System.getProperty("aws.endpointUrl") != null;
    }
}
