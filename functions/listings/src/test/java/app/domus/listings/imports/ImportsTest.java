package app.domus.listings.imports;

import static app.domus.shared.testing.DirectoryWorld.assertProblem;
import static app.domus.shared.testing.DirectoryWorld.call;
import static app.domus.shared.testing.DirectoryWorld.caller;
import static app.domus.shared.testing.DirectoryWorld.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.listings.ListingsFixture;
import app.domus.listings.listings.ListingEvents;
import app.domus.listings.listings.ListingItem;
import app.domus.listings.photos.ListingPhotos;
import app.domus.shared.json.Json;
import app.domus.shared.testing.HttpEvents;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Imports from a Kyero feed served on a local port (the sample feed: five properties with ids, three of them broken, one
 * without an id): set up by the agency's admin only, run page by page, bad rows reported per item, and a second run that
 * changes nothing.
 */
class ImportsTest {
    private final ListingsFixture f = new ListingsFixture();
    private final Map<String, Map<String, String>> secrets = new HashMap<>();
    private final Deque<ImportPages.Page> queued = new ArrayDeque<>();
    private final AtomicInteger feedReads = new AtomicInteger();
    private volatile String feed;
    private final HttpServer crm;
    private final String base;
    private final CrmCredentials credentials = new CrmCredentials() {
        public void save(String name, Map<String, String> c) { secrets.put(name, Map.copyOf(c)); }
        public Map<String, String> read(String name) { return secrets.get(name); }
        public void delete(String name) { secrets.remove(name); }
    };
    private final Imports imports;
    private final ImportRunner runner;

    ImportsTest() throws IOException {
        crm = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        base = "http://127.0.0.1:" + crm.getAddress().getPort();
        try (InputStream in = KyeroFeedTest.sample()) {
            feed = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("PHOTOS/", base + "/photos/");
        }
        byte[] photo = ListingsFixture.rotatedPhotoWithLocation();
        crm.createContext("/feed.xml", exchange -> {
            feedReads.incrementAndGet();
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            byte[] body = "Basic YWdlbnQ6czNjcmV0".equals(auth) ? feed.getBytes(StandardCharsets.UTF_8) : new byte[0];
            exchange.sendResponseHeaders(body.length == 0 ? 401 : 200, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        crm.createContext("/photos/", exchange -> {
            boolean missing = exchange.getRequestURI().getPath().endsWith("missing.jpg");
            exchange.sendResponseHeaders(missing ? 404 : 200, missing ? -1 : photo.length);
            if (!missing) exchange.getResponseBody().write(photo);
            exchange.close();
        });
        crm.start();
        CrmSources sources = new CrmSources(new CrmHttp(base));
        imports = new Imports(f.table, f.agencies, sources, credentials, f.outbox, f.clock);
        runner = new ImportRunner(f.table, f.listings, sources, credentials, queued::add, f.outbox, f.clock);
    }

    @AfterEach
    void stop() {
        crm.stop(0);
    }

    private String body(String user, String password) {
        return """
                {"crmType":"kyero","endpoint":"%s/feed.xml","credentials":{"username":"%s","password":"%s"}}""".formatted(base, user, password);
    }

    private String createImport() {
        var created = call(new CreateImportHandler(imports), HttpEvents.request("POST", "/imports").as(f.ada).body(body("agent", "s3cret")));
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(201);
        assertThat(created.getBody()).as("credentials never come back").doesNotContain("s3cret");
        return json(created).path("importId").asText();
    }

    /** Starts a run and works its pages off the queue as the two consumers would. */
    private Imports.RunView run(String importId) {
        var started = imports.start(caller(f.ada), importId);
        runner.started(Json.read(Json.write(f.events.ofType(ImportEvents.STARTED).getLast().payload()), ImportEvents.Started.class));
        while (!queued.isEmpty()) runner.page(queued.poll());
        return imports.run(caller(f.ada), importId, started.importRunId());
    }

    @Test
    void anImportCreatesTheGoodPropertiesAsDraftsWithPhotosAndReportsEachBadOneWithItsReasons() {
        String importId = createImport();
        assertThat(secrets).containsKey(Imports.SECRET_PREFIX + importId);
        f.events.clear();

        Imports.RunView run = run(importId);

        assertThat(run.status()).isEqualTo("completed");
        assertThat(run.counts()).isEqualTo(new ImportEvents.Counts(2, 0, 0, 4));
        Map<String, List<String>> errors = new HashMap<>();
        run.errors().forEach(e -> errors.put(e.crmId(), e.errors()));
        assertThat(errors.keySet()).containsExactlyInAnyOrder("#6", "KY-1003", "KY-1004", "KY-1005");
        assertThat(errors.get("KY-1003")).containsExactlyInAnyOrder("pricing.amountMinor is required (from price)",
                "property.address.latitude must be between -90 and 90 (from location/latitude)");
        assertThat(errors.get("KY-1004").getFirst()).contains("'Castle'");
        assertThat(errors.get("KY-1005")).singleElement().asString().contains("missing.jpg").endsWith("HTTP 404");

        List<String> created = f.events.ofType(ListingEvents.CREATED).stream().map(e -> e.payload().path("listingId").asText()).toList();
        assertThat(created).hasSize(2);
        ListingItem villa = created.stream().map(id -> f.listings.find(id).orElseThrow()).filter(l -> l.getCity().equals("Jávea")).findFirst().orElseThrow();
        assertThat(villa.getAgencyId()).isEqualTo(f.agencyA);
        assertThat(villa.getRealtorId()).isEqualTo(f.ada);
        assertThat(villa.getStatus()).as("the import's setting: drafts").isEqualTo("draft");
        assertThat(villa.getPriceMinor()).isEqualTo(38_500_000L);
        assertThat(villa.getFeatures()).containsExactly("air conditioning", "private pool", "sea views");
        var photos = f.photos.of(villa.getId());
        assertThat(photos).hasSize(2);
        assertThat(photos.getFirst().getOriginalKey()).startsWith(ListingPhotos.ORIGINALS + villa.getId() + "/").endsWith(".jpg");
        assertThat(f.media.read(photos.getFirst().getOriginalKey())).as("stored where the thumbnail function looks").isPresent();
        assertThat(f.events.ofType(ImportEvents.PROGRESS)).hasSize(1);
        assertThat(f.events.ofType(ImportEvents.COMPLETED).getLast().payload().path("counts").path("created").asInt()).isEqualTo(2);
    }

    @Test
    void aSecondRunOfTheSameFeedChangesNothingAndAChangedPriceIsOneUpdate() {
        String importId = createImport();
        run(importId);
        int listings = f.itemCount();
        f.events.clear();

        Imports.RunView again = run(importId);

        assertThat(again.counts()).isEqualTo(new ImportEvents.Counts(0, 0, 2, 4));
        assertThat(f.events.types()).doesNotContain(ListingEvents.CREATED, ListingEvents.UPDATED, ListingEvents.PUBLISHED);
        // The run, its six outcomes and its three events (started, one page, completed): no listing, photo or mapping.
        assertThat(f.itemCount()).as("only the run's own items are new").isEqualTo(listings + 1 + 6 + 3);

        feed = feed.replace("<price>385000</price>", "<price>379000</price>");
        f.events.clear();
        Imports.RunView third = run(importId);

        assertThat(third.counts()).isEqualTo(new ImportEvents.Counts(0, 1, 1, 4));
        var updated = f.events.ofType(ListingEvents.UPDATED);
        assertThat(updated).singleElement().satisfies(e -> assertThat(e.payload().path("previousPriceMinor").asLong()).isEqualTo(38_500_000L));
    }

    @Test
    void aPageTakenUpAgainIsNotCountedTwiceNorImportedTwice() {
        String importId = createImport();
        var started = imports.start(caller(f.ada), importId);
        ImportPages.Page first = new ImportPages.Page(importId, started.importRunId(), 0, null);
        runner.page(first);
        runner.page(first);

        var run = imports.run(caller(f.ada), importId, started.importRunId());
        assertThat(run.counts()).isEqualTo(new ImportEvents.Counts(2, 0, 0, 4));
        assertThat(f.events.ofType(ListingEvents.CREATED)).hasSize(2);
        assertThat(f.events.ofType(ImportEvents.COMPLETED)).hasSize(1);
    }

    @Test
    void aRunWhoseCrmKeepsFailingIsMarkedFailedOnItsLastAttempt() {
        String importId = createImport();
        var started = imports.start(caller(f.ada), importId);
        feed = "<html>gateway timeout</html>";
        ImportPages.Page first = new ImportPages.Page(importId, started.importRunId(), 0, null);
        assertThatThrownBy(() -> runner.page(first)).isInstanceOf(CrmException.class);
        runner.failed(first, "Page 0 failed 5 times: the feed is not a Kyero feed");

        var run = imports.run(caller(f.ada), importId, started.importRunId());
        assertThat(run.status()).isEqualTo("failed");
        assertThat(run.lastError()).contains("5 times");
        assertThat(f.events.ofType(ImportEvents.COMPLETED).getLast().payload().path("status").asText()).isEqualTo("failed");
        assertThat(imports.start(caller(f.ada), importId).status()).as("a failed run no longer blocks the next").isEqualTo("running");
    }

    @Test
    void onlyTheAgencysAdminSetsUpAndRunsImportsAndOtherAgenciesSeeNone() {
        var handler = new CreateImportHandler(imports);
        assertProblem(call(handler, HttpEvents.request("POST", "/imports").as(f.rita).body(body("agent", "s3cret"))), 403, "forbidden");
        assertProblem(call(handler, HttpEvents.request("POST", "/imports").as(f.paula).body(body("agent", "s3cret"))), 403, "forbidden");
        assertProblem(call(handler, HttpEvents.request("POST", "/imports").as(f.ada).body("{\"crmType\":\"csv\",\"endpoint\":\"ftp://x\"}")),
                400, "validation-error");
        assertProblem(call(handler, HttpEvents.request("POST", "/imports").as(f.ada).body(body("agent", "wrong"))), 422, "unprocessable");
        assertThat(secrets).as("a refused connection stores nothing").isEmpty();
        assertProblem(call(handler, HttpEvents.request("POST", "/imports").as(f.ada)
                .body("{\"crmType\":\"kyero\",\"endpoint\":\"http://feeds.example.com/feed.xml\"}")), 400, "validation-error");

        String importId = createImport();
        var start = new RunImportHandler(imports);
        assertProblem(call(start, HttpEvents.request("POST", "/imports/" + importId + "/run").pathParam("importId", importId).as(f.bert)), 404, "not-found");
        assertProblem(call(start, HttpEvents.request("POST", "/imports/" + importId + "/run").pathParam("importId", importId).as(f.rita)), 403, "forbidden");
        var accepted = call(start, HttpEvents.request("POST", "/imports/" + importId + "/run").pathParam("importId", importId).as(f.ada));
        assertThat(accepted.getStatusCode()).isEqualTo(202);
        String runId = json(accepted).path("importRunId").asText();
        assertProblem(call(start, HttpEvents.request("POST", "/imports/" + importId + "/run").pathParam("importId", importId).as(f.ada)),
                409, "invalid-state");
        var get = new GetImportRunHandler(imports);
        assertProblem(call(get, HttpEvents.request("GET", "/imports/x/runs/y").pathParam("importId", importId).pathParam("importRunId", runId)
                .as(f.bert)), 404, "not-found");
        var read = call(get, HttpEvents.request("GET", "/imports/x/runs/y").pathParam("importId", importId).pathParam("importRunId", runId).as(f.ada));
        assertThat(json(read).path("status").asText()).isEqualTo("running");
    }
}
