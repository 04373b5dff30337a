package app.domus.local.partners.crm;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.local.console.Outbox;
import app.domus.local.json.Json;
import app.domus.local.partners.PartnerDoubleContext;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CRM double's RESO API with its OAuth client credentials and paging, its Kyero feed, and its injected faults. */
class CrmDoubleTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    @TempDir Path data;
    private final CrmDouble crm = new CrmDouble();
    private String base;

    @BeforeEach
    void start() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        base = crm.start(new PartnerDoubleContext(port, data, new Outbox(data.resolve("outbox.jsonl")))).get(CrmDouble.BASE_URL_PARAMETER);
    }

    @AfterEach
    void stop() {
        crm.close();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String token() throws Exception {
        var answer = send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=domus-import&client_secret=crm-double-secret")));
        assertThat(answer.statusCode()).isEqualTo(200);
        return Json.read(answer.body()).path("access_token").asText();
    }

    private HttpResponse<String> property(String token, String query) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + "/odata/Property?" + query)).header("Authorization", "Bearer " + token));
    }

    @Test
    void pagesThroughItsPropertiesByNextLinkWithTheirMediaAndItsBrokenOnes() throws Exception {
        String token = token();
        int seen = 0;
        int withoutPrice = 0;
        String next = base + "/odata/Property?$top=100&$expand=Media&$orderby=ListingKey";
        while (next != null) {
            JsonNode page = Json.read(send(HttpRequest.newBuilder(URI.create(next)).header("Authorization", "Bearer " + token)).body());
            for (JsonNode p : page.path("value")) {
                seen++;
                if (!p.has("ListPrice")) withoutPrice++;
                assertThat(p.path("Media").get(0).path("MediaURL").asText()).startsWith(base + "/media/" + p.path("ListingKey").asText());
            }
            next = page.path("@odata.nextLink").asText(null);
        }
        assertThat(seen).isEqualTo(CrmDouble.PROPERTIES);
        assertThat(withoutPrice).isEqualTo(10);
        assertThat(property("forged", "$top=1").statusCode()).isEqualTo(401);
        assertThat(send(HttpRequest.newBuilder(URI.create(base + "/media/DOM-0014/404.jpg"))).statusCode()).isEqualTo(404);
        var photo = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/media/DOM-0001/1.jpg")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(photo.body()[0]).isEqualTo((byte) 0xFF);
    }

    @Test
    void theKyeroFeedHoldsTheSamePropertiesBehindBasicAuthentication() throws Exception {
        assertThat(send(HttpRequest.newBuilder(URI.create(base + "/feeds/kyero.xml"))).statusCode()).isEqualTo(401);
        String basic = Base64.getEncoder().encodeToString("domus-import:crm-double-secret".getBytes());
        String feed = send(HttpRequest.newBuilder(URI.create(base + "/feeds/kyero.xml")).header("Authorization", "Basic " + basic)).body();
        assertThat(feed).startsWith("<?xml").contains("<feed_version>3</feed_version>", "<id>DOM-0240</id>", "<price_freq>");
        assertThat(feed.split("<property>", -1)).hasSize(CrmDouble.PROPERTIES + 1);
    }

    @Test
    void injectedFaultsHitTheNextCallsOnlyAndInOrder() throws Exception {
        String token = token();
        send(HttpRequest.newBuilder(URI.create(base + "/_double/faults?kind=error")).POST(HttpRequest.BodyPublishers.noBody()));
        send(HttpRequest.newBuilder(URI.create(base + "/_double/faults?kind=malformed")).POST(HttpRequest.BodyPublishers.noBody()));
        send(HttpRequest.newBuilder(URI.create(base + "/_double/faults?kind=unauthorized")).POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(property(token, "$top=1").statusCode()).isEqualTo(500);
        var malformed = property(token, "$top=1");
        assertThat(malformed.statusCode()).isEqualTo(200);
        assertThat(malformed.body()).startsWith("<html>");
        assertThat(property(token, "$top=1").statusCode()).isEqualTo(401);
        assertThat(property(token, "$top=1").statusCode()).as("the refused token stays refused").isEqualTo(401);
        assertThat(property(token(), "$top=1").statusCode()).as("a new token works").isEqualTo(200);

        var changed = send(HttpRequest.newBuilder(URI.create(base + "/_double/properties/DOM-0002"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"ListPrice\": 123456}")));
        assertThat(Json.read(changed.body()).path("ListPrice").asInt()).isEqualTo(123456);
        assertThat(Json.read(send(HttpRequest.newBuilder(URI.create(base + "/_double/"))).body()).path("calls").path("GET /odata/Property").asInt())
                .isEqualTo(5);
    }
}
