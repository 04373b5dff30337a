package app.domus.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.local.testing.ApiResponse;
import app.domus.local.testing.LocalCloudClient;
import app.domus.local.testing.LocalCloudExtension;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.Predicate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Flow 10's invoicing half through the local cloud: the demo manager invoices unit 1A over HTTP, the PDF appears in the
 * bucket and reads back with its total, the owner's e-mail reaches the outbox, the unit's account shows the charge, and
 * a credit note takes the balance back to where it was.
 */
@ExtendWith(LocalCloudExtension.class)
class InvoiceFlowTest {

    @Test
    void flow10AnInvoiceGetsItsPdfAndEmailAndACreditNoteBringsTheBalanceBack(LocalCloudClient cloud) throws Exception {
        var ids = cloud.cloud().demoData().ids();
        String unit = ids.get("unit.1A");
        long before = cloud.as("owner").get("/units/" + unit + "/account").json().path("balance").asLong();
        String due = LocalDate.now(ZoneOffset.UTC).plusDays(30).toString();
        String body = "{\"unitId\":\"" + unit + "\",\"dueDate\":\"" + due + "\",\"items\":["
                + "{\"description\":\"Monthly advance\",\"quantity\":1,\"unitPrice\":18000,\"vatRate\":20},"
                + "{\"description\":\"Lift maintenance\",\"quantity\":2.5,\"unitPrice\":1999,\"vatRate\":10.5}]}";
        String key = "invoice-" + Instant.now().toEpochMilli();

        assertThat(cloud.as("owner").header("idempotency-key", key + "-owner").post("/invoices", body).status()).isEqualTo(403);
        assertThat(cloud.as("manager").header("idempotency-key", key + "-bad").post("/invoices",
                body.replace("\"quantity\":1,", "\"quantity\":0,")).status()).isEqualTo(400);
        ApiResponse created = cloud.as("manager").header("idempotency-key", key).post("/invoices", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode invoice = created.json();
        // 18000 + 3600 VAT; 2.5 x 1999 = 4997.5 -> 4998 (half to even), VAT 524.79 -> 525.
        assertThat(invoice.path("netTotal").asLong()).isEqualTo(22998);
        assertThat(invoice.path("vatTotal").asLong()).isEqualTo(4125);
        assertThat(invoice.path("total").asLong()).isEqualTo(27123);
        assertThat(invoice.path("number").asText()).matches("INV-\\d{4}-\\d{6}");
        String invoiceId = invoice.path("invoiceId").asText();
        String number = invoice.path("number").asText();
        // The same key and body again: the first answer, nothing issued twice.
        ApiResponse replay = cloud.as("manager").header("idempotency-key", key).post("/invoices", body);
        assertThat(replay.json().path("invoiceId").asText()).isEqualTo(invoiceId);

        JsonNode withPdf = LocalCloudClient.awaitAnswer(() -> cloud.as("owner").get("/invoices/" + invoiceId), i -> i.has("pdfUrl"));
        String bucket = cloud.cloud().deployment().names().ref(cloud.cloud().deployment().template().resource("PhotosBucket"));
        String objectKey = "invoices/" + ids.get("organisationId") + "/" + invoiceId + ".pdf";
        byte[] stored;
        try (S3Client s3 = S3Client.builder().httpClient(UrlConnectionHttpClient.create()).forcePathStyle(true).build()) {
            stored = s3.getObjectAsBytes(g -> g.bucket(bucket).key(objectKey)).asByteArray();
        }
        String text = text(stored);
        assertThat(text).contains("Invoice " + number, "Unit 1A", "Monthly advance", "Lift maintenance", "Total 271.23 EUR");
        // The presigned link in GET /invoices/{id} serves the same document.
        HttpResponse<InputStream> linked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(withPdf.path("pdfUrl").asText())).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(linked.statusCode()).isEqualTo(200);
        try (InputStream in = linked.body()) {
            assertThat(in.readAllBytes()).isEqualTo(stored);
        }

        JsonNode mail = cloud.awaitOutbox("owner@domus.local", m -> m.path("subject").asText().startsWith("Invoice " + number));
        assertThat(mail.path("text").asText()).contains(number, "271.23 EUR", due);

        JsonNode account = cloud.as("owner").get("/units/" + unit + "/account").json();
        assertThat(account.path("balance").asLong()).isEqualTo(before + 27123);
        assertThat(account.path("items").get(0).path("kind").asText()).isEqualTo("charge");
        assertThat(account.path("items").get(0).path("referenceId").asText()).isEqualTo(invoiceId);
        assertThat(cloud.as("owner2").get("/units/" + unit + "/account").status()).isIn(403, 404);
        assertThat(cloud.as("manager").get("/invoices?unitId=" + unit).json().path("items")).anySatisfy(i -> assertThat(i.path("invoiceId").asText()).isEqualTo(invoiceId));

        ApiResponse credited = cloud.as("manager").header("idempotency-key", key + "-cn").post("/invoices/" + invoiceId + "/credit-note",
                "{\"reason\":\"Charged to the wrong unit\"}");
        assertThat(credited.status()).as(credited.body()).isEqualTo(201);
        assertThat(credited.json().path("number").asText()).matches("CN-\\d{4}-\\d{6}");
        assertThat(cloud.as("manager").header("idempotency-key", key + "-cn2").post("/invoices/" + invoiceId + "/credit-note",
                "{\"reason\":\"Again\"}").status()).isEqualTo(409);
        JsonNode after = cloud.as("owner").get("/units/" + unit + "/account").json();
        assertThat(after.path("balance").asLong()).isEqualTo(before);
        assertThat(after.path("items").get(0).path("kind").asText()).isEqualTo("credit");
        assertThat(after.path("items").get(0).path("amount").asLong()).isEqualTo(-27123);
        JsonNode cancelled = LocalCloudClient.awaitAnswer(() -> cloud.as("owner").get("/invoices/" + invoiceId), i -> i.path("creditNote").has("pdfUrl"));
        assertThat(cancelled.path("status").asText()).isEqualTo("cancelled");
        cloud.awaitOutbox("owner@domus.local", m -> m.path("subject").asText().startsWith("Invoice " + number + " cancelled"));
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }


}
