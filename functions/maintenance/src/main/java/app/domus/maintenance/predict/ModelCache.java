package app.domus.maintenance.predict;

import app.domus.maintenance.model.RiskModel;
import app.domus.maintenance.model.Training;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * The prediction function's models, by version, loaded once per cold start from the presigned S3 address the job
 * handed over. With no model published yet (a fresh deployment), the bootstrap model (the synthetic history with the
 * fixed seed, trained in a second) is used, and says so in its version.
 */
public class ModelCache {
    private static final Logger LOG = LoggerFactory.getLogger(ModelCache.class);
    private static final int MAX_MODEL_BYTES = 20 * 1024 * 1024;

    private final SdkHttpClient http;
    private final Map<String, RiskModel> models = new ConcurrentHashMap<>();

    public ModelCache(SdkHttpClient http) {
        this.http = http;
    }

    public RiskModel model(String version, String url) {
        if (version == null || url == null) return models.computeIfAbsent("bootstrap", v -> Training.bootstrap());
        return models.computeIfAbsent(version, v -> RiskModel.load(download(url), v));
    }

    private byte[] download(String url) {
        try {
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                    .request(SdkHttpRequest.builder().uri(URI.create(url)).method(SdkHttpMethod.GET).build()).build()).call();
            int status = response.httpResponse().statusCode();
            if (status != 200) throw new IllegalStateException("The model file answered " + status);
            try (InputStream body = response.responseBody().orElseThrow()) {
                byte[] bytes = body.readNBytes(MAX_MODEL_BYTES);
                LOG.info("Risk model loaded from S3 ({} bytes)", bytes.length);
                return bytes;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
