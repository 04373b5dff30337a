package app.domus.finance.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.shared.aws.PlatformConfig;
import app.domus.shared.config.Env;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/** The PDFs' two S3 calls, signed, against a stand-in for S3 (path-style, as in the local cloud) and as virtual-host links. */
class InvoiceFilesTest {
    private static final String[] PROPERTIES = {"aws.region", "aws.accessKeyId", "aws.secretAccessKey", "aws.endpointUrlS3", "aws.endpointUrl"};
    private final Map<String, String> saved = new HashMap<>();

    record Received(String method, String path, Map<String, List<String>> headers, byte[] body) {}

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private HttpServer server;
    private final PlatformConfig config = Env.with(Map.of("TABLE_NAME", "DomusTable", "PHOTOS_BUCKET", "photos"), PlatformConfig::new);

    @BeforeEach
    void start() throws IOException {
        for (String name : PROPERTIES) saved.put(name, System.getProperty(name));
        System.setProperty("aws.region", "eu-central-1");
        System.setProperty("aws.accessKeyId", "AKIDTEST");
        System.setProperty("aws.secretAccessKey", "secret");
        System.clearProperty("aws.endpointUrlS3");
        System.clearProperty("aws.endpointUrl");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()),
                    exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        saved.forEach((name, value) -> {
            if (value == null) System.clearProperty(name);
            else System.setProperty(name, value);
        });
    }

    private String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static String header(Received r, String name) {
        return r.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(e -> e.getValue().getFirst()).findFirst().orElse(null);
    }

    @Test
    void aPdfIsPutUnderItsKeyInTheBucketSignedWithItsTypeNameAndLength() {
        System.setProperty("aws.endpointUrlS3", endpoint() + "/");
        InvoiceFiles files = new InvoiceFiles(UrlConnectionHttpClient.create(), config);
        byte[] pdf = "%PDF-1.4 test".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        files.store("invoices/org-1/inv-1.pdf", pdf, "INV-2026-000001.pdf");
        assertThat(received).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("PUT");
            assertThat(r.path()).isEqualTo("/photos/invoices/org-1/inv-1.pdf");
            assertThat(r.body()).isEqualTo(pdf);
            assertThat(header(r, "Content-Type")).isEqualTo("application/pdf");
            assertThat(header(r, "Content-Disposition")).isEqualTo("inline; filename=\"INV-2026-000001.pdf\"");
            assertThat(header(r, "Content-Length")).isEqualTo(String.valueOf(pdf.length));
            assertThat(header(r, "Authorization")).startsWith("AWS4-HMAC-SHA256 Credential=AKIDTEST/").contains("/eu-central-1/s3/aws4_request");
            assertThat(header(r, "x-amz-content-sha256")).isNotEqualTo("UNSIGNED-PAYLOAD").hasSize(64);
        });
    }

    @Test
    void anS3RefusalFailsTheStoreNamingTheKey() {
        System.setProperty("aws.endpointUrl", endpoint());
        InvoiceFiles files = new InvoiceFiles(UrlConnectionHttpClient.create(), config);
        status.set(403);
        assertThatThrownBy(() -> files.store("invoices/org-1/inv-1.pdf", new byte[] {1}, "x.pdf")).isInstanceOf(IllegalStateException.class)
                .hasMessage("S3 answered 403 to the PUT of invoices/org-1/inv-1.pdf");
        assertThat(received).singleElement().satisfies(r -> assertThat(r.path()).isEqualTo("/photos/invoices/org-1/inv-1.pdf"));
        status.set(204);
        files.store("invoices/org-1/inv-2.pdf", new byte[] {1}, "x.pdf");
        assertThat(received).hasSize(2);
    }

    @Test
    void aLinkIsSignedInItsQueryForTenMinutesOnTheBucketsVirtualHostOrTheConfiguredEndpoint() {
        InvoiceFiles files = new InvoiceFiles(UrlConnectionHttpClient.create(), config);
        URI link = URI.create(files.link("invoices/org-1/inv-1.pdf"));
        assertThat(link.getScheme()).isEqualTo("https");
        assertThat(link.getHost()).isEqualTo("photos.s3.eu-central-1.amazonaws.com");
        assertThat(link.getPath()).isEqualTo("/invoices/org-1/inv-1.pdf");
        assertThat(link.getQuery()).contains("X-Amz-Algorithm=AWS4-HMAC-SHA256", "X-Amz-Expires=600", "X-Amz-Signature=",
                "X-Amz-Credential=AKIDTEST/");
        assertThat(received).as("a link is signed here, not fetched").isEmpty();

        System.setProperty("aws.endpointUrlS3", endpoint());
        URI local = URI.create(new InvoiceFiles(UrlConnectionHttpClient.create(), config).link("invoices/org-1/inv-1.pdf"));
        assertThat(local.getHost()).isEqualTo("127.0.0.1");
        assertThat(local.getPath()).isEqualTo("/photos/invoices/org-1/inv-1.pdf");
        assertThat(InvoiceFiles.key("org-1", "doc-1")).isEqualTo("invoices/org-1/doc-1.pdf");
    }

    @Test
    void aKeyWithOtherCharactersThanIdsSlashesAndDotsIsRefused() {
        InvoiceFiles files = new InvoiceFiles(UrlConnectionHttpClient.create(), config);
        assertThatThrownBy(() -> files.link("invoices/../x y.pdf")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unexpected object key invoices/../x y.pdf");
        assertThatThrownBy(() -> files.store("invoices/a?b.pdf", new byte[] {1}, "x.pdf")).isInstanceOf(IllegalArgumentException.class);
        assertThat(received).isEmpty();
    }
}
