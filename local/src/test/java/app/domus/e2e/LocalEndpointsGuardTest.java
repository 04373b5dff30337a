package app.domus.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.local.testing.LocalCloudClient;
import app.domus.local.testing.LocalCloudExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The console (which hands out demo tokens) and the local AWS endpoint (which serves the signing keys' SSM parameter)
 * answer a request addressed to another name with 403, as a DNS-rebound page would address them, and carry no CORS
 * headers; addressed to 127.0.0.1 or localhost they answer.
 */
@ExtendWith(LocalCloudExtension.class)
class LocalEndpointsGuardTest {

    /** A raw HTTP/1.1 GET with the Host header given (Java's HttpClient does not let a caller set Host). */
    private static String get(int port, String path, String host) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nOrigin: http://" + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void theConsoleAndTheAwsEndpointAnswerOnlyLoopbackNames(LocalCloudClient cloud) throws Exception {
        int http = cloud.cloud().endpoints().httpPort();
        int aws = cloud.cloud().endpoints().awsPort();

        String rebound = get(http, "/_local/demo", "evil.example:" + http);
        assertThat(rebound).startsWith("HTTP/1.1 403").doesNotContain("Bearer").doesNotContainIgnoringCase("access-control-allow-origin");
        assertThat(get(aws, "/", "evil.example:" + aws)).startsWith("HTTP/1.1 403");

        String own = get(http, "/_local/demo", "127.0.0.1:" + http);
        assertThat(own).startsWith("HTTP/1.1 200").doesNotContainIgnoringCase("access-control-allow-origin");
        assertThat(get(http, "/_local/health", "localhost:" + http)).startsWith("HTTP/1.1 200");
        assertThat(get(aws, "/", "127.0.0.1:" + aws)).doesNotStartWith("HTTP/1.1 403");
    }
}
