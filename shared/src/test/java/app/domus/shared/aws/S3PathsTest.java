package app.domus.shared.aws;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.shared.config.Env;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** S3 is addressed path-style when told to, or when it is given its own endpoint (a local server), else virtual-hosted. */
class S3PathsTest {
    private final Map<String, String> saved = new HashMap<>();

    @BeforeEach
    void clearProperties() {
        for (String name : new String[] {"aws.endpointUrlS3", "aws.endpointUrl"}) {
            String value = System.getProperty(name);
            if (value != null) saved.put(name, value);
            System.clearProperty(name);
        }
    }

    @AfterEach
    void restoreProperties() {
        for (String name : new String[] {"aws.endpointUrlS3", "aws.endpointUrl"}) System.clearProperty(name);
        saved.forEach(System::setProperty);
    }

    private static boolean pathStyle(String force, String s3Endpoint, String endpoint) {
        return Env.with(Map.of("S3_FORCE_PATH_STYLE", force, "AWS_ENDPOINT_URL_S3", s3Endpoint, "AWS_ENDPOINT_URL", endpoint),
                S3Paths::forcePathStyle);
    }

    @Test
    void virtualHostedByDefault() {
        assertThat(pathStyle("", "", "")).isFalse();
        assertThat(pathStyle("false", "", "")).isFalse();
    }

    @Test
    void pathStyleWhenToldOrGivenAnEndpoint() {
        assertThat(pathStyle("true", "", "")).isTrue();
        assertThat(pathStyle("", "http://localhost:4566", "")).isTrue();
        assertThat(pathStyle("", "", "http://localhost:4566")).isTrue();
        System.setProperty("aws.endpointUrlS3", "http://localhost:1");
        assertThat(pathStyle("", "", "")).isTrue();
        System.clearProperty("aws.endpointUrlS3");
        System.setProperty("aws.endpointUrl", "http://localhost:1");
        assertThat(pathStyle("", "", "")).isTrue();
    }
}
