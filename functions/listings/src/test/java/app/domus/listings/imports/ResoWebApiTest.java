package app.domus.listings.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A RESO Web API server on a local port: OAuth 2 client credentials at {@code /token}, properties at
 * {@code /reso/Property}; each answers what the test queued (status and body), 200 with an empty page otherwise.
 */
class ResoWebApiTest {
    private record Answer(int status, String body) {}

    private record Seen(String method, String uri, String authorization, String body) {}

    private final HttpServer server;
    private final String base;
    private final Deque<Answer> tokenAnswers = new ArrayDeque<>();
    private final Deque<Answer> propertyAnswers = new ArrayDeque<>();
    private final List<Seen> tokenCalls = new CopyOnWriteArrayList<>();
    private final List<Seen> propertyCalls = new CopyOnWriteArrayList<>();
    private final ResoWebApi reso;

    ResoWebApiTest() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/token", exchange -> answer(exchange, tokenCalls, tokenAnswers,
                new Answer(200, "{\"access_token\":\"tok-1\",\"expires_in\":3600}")));
        server.createContext("/reso/Property", exchange -> answer(exchange, propertyCalls, propertyAnswers, new Answer(200, "{\"value\":[]}")));
        server.start();
        reso = new ResoWebApi(new CrmHttp(base));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static void answer(HttpExchange exchange, List<Seen> calls, Deque<Answer> answers, Answer otherwise) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        calls.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                exchange.getRequestHeaders().getFirst("Authorization"), body));
        Answer answer = answers.isEmpty() ? otherwise : answers.poll();
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private CrmSource.Connection connection(String endpoint) {
        return new CrmSource.Connection(endpoint, Map.of("clientId", "agency one", "clientSecret", "s&cret", "tokenUrl", base + "/token"));
    }

    private CrmSource.Connection connection() {
        return connection(base + "/reso");
    }

    private static String decoded(String uri) {
        return URLDecoder.decode(uri, StandardCharsets.UTF_8);
    }

    @Test
    void aPageIsReadWithABearerTokenFromTheClientCredentialsAndItsPropertiesBecomeRecords() {
        propertyAnswers.add(new Answer(200, """
                {"value":[
                  {"ListingKey":"K1","ListPrice":1250.50,"City":"Berlin","BedroomsTotal":2,"Remarks":null,"Id":12345678901234567890,
                   "InteriorFeatures":["Balcony",{"nested":true},"Elevator"],
                   "Media":[{"MediaCategory":"Photo","Order":2,"MediaURL":"https://m/2.jpg"},
                            {"MediaCategory":"FloorPlan","Order":0,"MediaURL":"https://m/plan.jpg"},
                            {"Order":1,"MediaURL":"https://m/1.jpg"},
                            {"MediaCategory":"photo","MediaURL":"https://m/last.jpg"},
                            {"MediaCategory":"Photo","Order":0}]},
                  {"ListingKey":"","City":"Nowhere"},
                  "not an object",
                  {"ListingKey":"K2"}],
                 "@odata.nextLink":"%s/reso/Property?$skiptoken=K2"}""".formatted(base)));

        CrmPage page = reso.page(connection(base + "/reso/"), null);

        assertThat(tokenCalls).singleElement().satisfies(call -> {
            assertThat(call.method()).isEqualTo("POST");
            assertThat(call.body()).isEqualTo("grant_type=client_credentials&client_id=agency+one&client_secret=s%26cret");
        });
        assertThat(propertyCalls).singleElement().satisfies(call -> {
            assertThat(decoded(call.uri())).isEqualTo("/reso/Property?$top=50&$orderby=ListingKey&$expand=Media");
            assertThat(call.authorization()).isEqualTo("Bearer tok-1");
        });
        assertThat(page.records()).extracting(CrmRecord::crmId).containsExactly("K1", "K2");
        CrmRecord first = page.records().getFirst();
        assertThat(first.fields()).containsEntry("ListPrice", "1250.5").containsEntry("BedroomsTotal", "2").containsEntry("City", "Berlin")
                .containsEntry("Id", "12345678901234567890").doesNotContainKey("Remarks").doesNotContainKey("Media").doesNotContainKey("InteriorFeatures");
        assertThat(first.lists()).containsOnlyKeys("InteriorFeatures");
        assertThat(first.lists().get("InteriorFeatures")).containsExactly("Balcony", "Elevator");
        assertThat(first.photoUrls()).as("photos only, by their order, unordered last")
                .containsExactly("https://m/1.jpg", "https://m/2.jpg", "https://m/last.jpg");
        assertThat(page.unreadable()).extracting(ImportEvents.ItemError::crmId).containsExactly("#2", "#3");
        assertThat(page.unreadable().getFirst().errors()).containsExactly("the property has no ListingKey");
        assertThat(page.next()).isEqualTo(base + "/reso/Property?$skiptoken=K2");
    }

    @Test
    void theNextPageFollowsTheServersLinkWithTheSameTokenAndTheLastPageHasNoNext() {
        String next = base + "/reso/Property?$skiptoken=K2";
        propertyAnswers.add(new Answer(200, "{\"value\":[{\"ListingKey\":\"K1\"}],\"@odata.nextLink\":\"" + next + "\"}"));
        propertyAnswers.add(new Answer(200, "{\"value\":[{\"City\":\"x\"},{\"ListingKey\":\"K3\"}],\"@odata.nextLink\":\"\"}"));
        propertyAnswers.add(new Answer(200, "{\"value\":[],\"@odata.nextLink\":\"" + next + "\"}"));

        CrmPage first = reso.page(connection(), null);
        CrmPage second = reso.page(connection(), first.next());
        CrmPage empty = reso.page(connection(), next);

        assertThat(decoded(propertyCalls.get(1).uri())).isEqualTo("/reso/Property?$skiptoken=K2");
        assertThat(second.records()).extracting(CrmRecord::crmId).containsExactly("K3");
        assertThat(second.unreadable()).extracting(ImportEvents.ItemError::crmId).containsExactly("#1 of " + next);
        assertThat(second.next()).as("a blank link").isNull();
        assertThat(empty.next()).as("an empty page ends the run even with a link").isNull();
        assertThat(tokenCalls).as("the token is kept while it is valid").hasSize(1);
        assertThat(propertyCalls).extracting(Seen::authorization).containsOnly("Bearer tok-1");
    }

    @Test
    void aNextLinkOutsideTheServerIsNotFollowed() {
        assertThatThrownBy(() -> reso.page(connection(), "https://elsewhere.example/Property?$skip=50"))
                .isInstanceOf(CrmException.class).hasMessageContaining("is not under " + base + "/reso")
                .satisfies(e -> assertThat(((CrmException) e).refused()).isFalse());
        assertThat(propertyCalls).isEmpty();
    }

    @Test
    void theConnectionTestReadsOneKeyAndAScopeGoesWithTheCredentials() {
        var withScope = new CrmSource.Connection(base + "/reso", Map.of("clientId", "c", "clientSecret", "s", "tokenUrl", base + "/token",
                "scope", "api read"));
        reso.test(withScope);

        assertThat(tokenCalls.getFirst().body()).isEqualTo("grant_type=client_credentials&client_id=c&client_secret=s&scope=api+read");
        assertThat(decoded(propertyCalls.getFirst().uri())).isEqualTo("/reso/Property?$top=1&$select=ListingKey");
    }

    @Test
    void aTokenIsNeverReusedForADifferentSecretOfTheSameClient() {
        reso.test(connection());
        tokenAnswers.add(new Answer(401, "{\"error\":\"invalid_client\"}"));
        var guessed = new CrmSource.Connection(base + "/reso", Map.of("clientId", "agency one", "clientSecret", "guessed", "tokenUrl", base + "/token"));

        assertThatThrownBy(() -> reso.test(guessed)).isInstanceOf(CrmException.class).hasMessageContaining("refused the client credentials");
        assertThat(tokenCalls).as("the guessed secret was sent to the token endpoint").hasSize(2);
        assertThat(propertyCalls).as("no property read with the other secret's token").hasSize(1);
    }

    @Test
    void aTokenAboutToExpireIsFetchedAgainAndOneTheServerRefusesIsForgotten() {
        tokenAnswers.add(new Answer(200, "{\"access_token\":\"short\",\"expires_in\":20}"));
        tokenAnswers.add(new Answer(200, "{\"access_token\":\"tok-2\"}"));
        tokenAnswers.add(new Answer(200, "{\"access_token\":\"tok-3\"}"));

        reso.page(connection(), null);
        reso.page(connection(), null);
        assertThat(propertyCalls).extracting(Seen::authorization).containsExactly("Bearer short", "Bearer tok-2");

        propertyAnswers.add(new Answer(401, ""));
        assertThatThrownBy(() -> reso.page(connection(), null)).isInstanceOf(CrmException.class)
                .hasMessage("The RESO server refused the access token (401)").satisfies(e -> assertThat(((CrmException) e).refused()).isTrue());
        reso.page(connection(), null);
        assertThat(propertyCalls.getLast().authorization()).isEqualTo("Bearer tok-3");
        assertThat(tokenCalls).hasSize(3);
    }

    @Test
    void theServersRefusalsAndFailuresAreToldApart() {
        propertyAnswers.add(new Answer(403, ""));
        assertThatThrownBy(() -> reso.page(connection(), null)).isInstanceOf(CrmException.class)
                .hasMessage("The RESO server refused access to Property (403)").satisfies(e -> assertThat(((CrmException) e).refused()).isTrue());
        propertyAnswers.add(new Answer(503, "busy"));
        assertThatThrownBy(() -> reso.page(connection(), null)).isInstanceOf(CrmException.class)
                .hasMessageStartingWith("The RESO server answered 503 to ").satisfies(e -> assertThat(((CrmException) e).refused()).isFalse());
        propertyAnswers.add(new Answer(200, "<html>not json</html>"));
        assertThatThrownBy(() -> reso.page(connection(), null)).isInstanceOf(CrmException.class).hasMessage("The RESO server's answer is not JSON");
        propertyAnswers.add(new Answer(200, "{\"value\":{\"ListingKey\":\"K1\"}}"));
        assertThatThrownBy(() -> reso.page(connection(), null)).isInstanceOf(CrmException.class)
                .hasMessage("The server's answer has no 'value' array of properties");
        propertyAnswers.add(new Answer(299, "{\"value\":[{\"ListingKey\":\"K9\"}]}"));
        assertThat(reso.page(connection(), null).records()).as("any 2xx is an answer").extracting(CrmRecord::crmId).containsExactly("K9");
    }

    @Test
    void theTokenEndpointsRefusalsAndFailuresAreToldApart() {
        tokenAnswers.add(new Answer(400, "{\"error\":\"invalid_client\"}"));
        assertThatThrownBy(() -> reso.page(connection(), null)).isInstanceOf(CrmException.class)
                .hasMessage("The RESO server's token endpoint refused the client credentials (400)")
                .satisfies(e -> assertThat(((CrmException) e).refused()).isTrue());
        tokenAnswers.add(new Answer(401, ""));
        assertThatThrownBy(() -> reso.page(connection(), null)).isInstanceOf(CrmException.class)
                .hasMessage("The RESO server's token endpoint refused the client credentials (401)");
        tokenAnswers.add(new Answer(500, ""));
        assertThatThrownBy(() -> reso.page(connection(), null)).isInstanceOf(CrmException.class)
                .hasMessage("The RESO server's token endpoint answered 500").satisfies(e -> assertThat(((CrmException) e).refused()).isFalse());
        tokenAnswers.add(new Answer(200, "token=abc"));
        assertThatThrownBy(() -> reso.page(connection(), null)).isInstanceOf(CrmException.class)
                .hasMessage("The token endpoint's answer is not JSON");
        tokenAnswers.add(new Answer(200, "{\"access_token\":\"  \"}"));
        assertThatThrownBy(() -> reso.page(connection(), null)).isInstanceOf(CrmException.class)
                .hasMessage("The token endpoint's answer has no access_token");
        assertThat(propertyCalls).as("no property read without a token").isEmpty();
    }
}
