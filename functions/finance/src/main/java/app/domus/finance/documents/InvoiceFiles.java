package app.domus.finance.documents;

import app.domus.shared.aws.PlatformConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import software.amazon.awssdk.http.SdkHttpClient;

/** Invoice and credit-note PDFs in the platform bucket under {@code invoices/<orgId>/<documentId>.pdf}. */
@Singleton
public class InvoiceFiles {
    /** How long a link in {@code GET /invoices/{id}} works: long enough to open it, short enough not to be passed around. */
    public static final Duration LINK_LIFETIME = Duration.ofMinutes(10);

    private final S3Objects s3;
    private final PlatformConfig config;

    @Inject
    public InvoiceFiles(SdkHttpClient http, PlatformConfig config) {
        this.s3 = new S3Objects(http);
        this.config = config;
    }

    public static String key(String organisationId, String documentId) {
        return "invoices/" + organisationId + "/" + documentId + ".pdf";
    }

    /** Writes the PDF; writing it again (a redelivered event) replaces it with the same document. */
    public void store(String key, byte[] pdf, String fileName) {
        s3.put(config.photosBucket(), key, pdf, "application/pdf", "inline; filename=\"" + fileName + "\"");
    }

    public String link(String key) {
        return s3.presignedGet(config.photosBucket(), key, LINK_LIFETIME);
    }
}
