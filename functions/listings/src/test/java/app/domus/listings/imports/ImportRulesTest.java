package app.domus.listings.imports;

import static app.domus.shared.testing.Refusals.errors;
import static app.domus.shared.testing.DirectoryWorld.caller;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.listings.ListingsFixture;
import app.domus.shared.testing.Refusals;
import app.domus.listings.listings.ListingEvents;
import app.domus.listings.listings.ListingItem;
import app.domus.shared.testing.Images;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Imports over a CRM double (an HTTP client that answers from memory): the bodies' checks, the feed's pages, and the
 * runner's handling of pages taken up again, of runs no longer running and of imports that publish.
 */
class ImportRulesTest {
    private static final String FEED = "https://crm.example/feed.xml";

    private final ListingsFixture f = new ListingsFixture();
    private final Map<String, CrmHttp.Response> web = new HashMap<>();
    private final List<String> fetched = new CopyOnWriteArrayList<>();
    private final List<Map<String, String>> headers = new CopyOnWriteArrayList<>();
    private final CrmHttp http = new CrmHttp("") {
        @Override
        public Response get(String url, Map<String, String> given) {
            fetched.add(url);
            headers.add(given);
            CrmHttp.Response response = web.get(url);
            if (response == null) throw new CrmException(url + " could not be reached", false);
            return response;
        }
    };
    private final Map<String, Map<String, String>> secrets = new HashMap<>();
    private final CrmCredentials credentials = new CrmCredentials() {
        public void save(String name, Map<String, String> c) { secrets.put(name, Map.copyOf(c)); }
        public Map<String, String> read(String name) { return secrets.get(name); }
        public void delete(String name) { secrets.remove(name); }
    };
    private final Deque<ImportPages.Page> queued = new ArrayDeque<>();
    private final CrmSources sources = new CrmSources(http);
    private final Imports imports = new Imports(f.table, f.agencies, sources, credentials, f.outbox, f.clock);
    private final ImportRunner runner = new ImportRunner(f.table, f.listings, sources, credentials, queued::add, f.outbox, f.clock);

    private static String property(String id, long price, String photo) {
        return """
                <property><id>%s</id><price>%d</price><currency>eur</currency><price_freq>month</price_freq><type>Penthouse</type>
                <town>Valencia</town><location><latitude>39.47</latitude><longitude>-0.37</longitude></location><beds>2.7</beds>
                <surface_area><built>1,250.5</built></surface_area><desc><en>Top floor</en></desc>%s</property>"""
                .formatted(id, price, photo == null ? "" : "<images><image id=\"1\"><url>" + photo + "</url></image></images>");
    }

    private void serve(String... properties) {
        String xml = "<root><kyero><feed_version>3</feed_version></kyero>" + String.join("", properties) + "</root>";
        web.put(FEED, new CrmHttp.Response(200, xml.getBytes(StandardCharsets.UTF_8), "application/xml"));
    }

    private String createImport(boolean publish, Map<String, String> given) {
        return imports.create(caller(f.ada), new ImportRequests.CreateImport("kyero", " " + FEED + " ", given, null, publish)).importId();
    }

    private Imports.RunView runAll(String importId) {
        var started = imports.start(caller(f.ada), importId);
        runner.started(new ImportEvents.Started(importId, started.importRunId(), f.agencyA, "kyero", f.ada));
        while (!queued.isEmpty()) runner.page(queued.poll());
        return imports.run(caller(f.ada), importId, started.importRunId());
    }

    @Test
    void anImportBodyIsCheckedFieldByField() {
        assertThat(errors(new ImportRequests.CreateImport("kyero", FEED, null, null, null))).isEmpty();
        assertThat(errors(new ImportRequests.CreateImport("csv", "ftp://x", null, null, null))).containsExactly("crmType", "endpoint");
        assertThat(errors(new ImportRequests.CreateImport(null, null, null, null, null))).containsExactly("crmType", "endpoint");
        assertThat(errors(new ImportRequests.CreateImport("kyero", "https://", null, null, null))).containsExactly("endpoint");
        assertThat(errors(new ImportRequests.CreateImport("kyero", "not a url", null, null, null))).containsExactly("endpoint");
        assertThat(errors(new ImportRequests.CreateImport("KYERO", "HTTP://feeds.example/x.xml", Map.of("username", "u", "password", "p"), null, null)))
                .isEmpty();
        assertThat(errors(new ImportRequests.CreateImport("kyero", FEED, Map.of("token", "t"), null, null))).containsExactly("credentials");
        assertThat(errors(new ImportRequests.CreateImport("kyero", FEED, Map.of("a", "1", "b", "2", "c", "3", "d", "4", "e", "5", "f", "6"), null, null)))
                .contains("credentials");
        assertThat(errors(new ImportRequests.CreateImport("reso", "https://reso.example", Map.of("clientId", "c", "clientSecret", "s",
                "tokenUrl", "https://reso.example/token"), null, null))).isEmpty();
        assertThat(errors(new ImportRequests.CreateImport("reso", "https://reso.example", Map.of("clientId", "c", "tokenUrl", "file:///etc"), null, null)))
                .containsExactly("credentials.clientSecret", "credentials.tokenUrl");
        assertThat(errors(new ImportRequests.CreateImport("reso", "https://reso.example", null, null, null)))
                .containsExactly("credentials.clientId", "credentials.clientSecret", "credentials.tokenUrl");
        assertThat(errors(new ImportRequests.CreateImport("reso", "https://reso.example", Map.of("clientId", "c", "clientSecret", "",
                "tokenUrl", "https://t.example"), null, null))).containsExactly("credentials.clientSecret");
    }

    @Test
    void aFieldMappingNamesOurFieldsAndOurValuesOnly() {
        var good = new ImportRequests.FieldMapping(Map.of("price", "Preis", "currency", "=CHF", "crmId", "Nr"), Map.of("Loft", "apartment"),
                Map.of("Kauf", "SALE"));
        assertThat(errors(new ImportRequests.CreateImport("kyero", FEED, null, good, true))).isEmpty();
        var bad = new ImportRequests.FieldMapping(Map.of("colour", "Farbe"), Map.of("Burg", "castle"), Map.of("Tausch", "swap"));
        assertThat(errors(new ImportRequests.CreateImport("kyero", FEED, null, bad, null)))
                .containsExactly("fieldMapping.fields.colour", "fieldMapping.propertyTypes.Burg", "fieldMapping.offers.Tausch");
        assertThat(errors(new ImportRequests.CreateImport("kyero", FEED, null, new ImportRequests.FieldMapping(Map.of("price", " "), null, null), null)))
                .containsExactly("fieldMapping.fields.price");
        Map<String, String> many = new HashMap<>();
        for (int i = 0; i < 31; i++) many.put("v" + i, "house");
        assertThat(errors(new ImportRequests.CreateImport("kyero", FEED, null, new ImportRequests.FieldMapping(null, many, null), null)))
                .isEmpty();
        Map<String, String> tooMany = new HashMap<>();
        for (int i = 0; i < 101; i++) tooMany.put("v" + i, "sale");
        assertThat(errors(new ImportRequests.CreateImport("kyero", FEED, null, new ImportRequests.FieldMapping(null, null, tooMany), null)))
                .containsExactly("fieldMapping.offers");
        assertThat(new ImportRequests.CreateImport("kyero", FEED, null, null, null).mapping()).isEqualTo(ImportRequests.FieldMapping.NONE);
        assertThat(new ImportRequests.CreateImport("kyero", FEED, null, null, null).givenCredentials()).isEmpty();
    }

    @Test
    void onlyHttpsIsFetchedUnlessUnderTheLocalCloudsBase() {
        CrmHttp onAws = new CrmHttp(null);
        assertThat(onAws.allowed("https://crm.example/feed")).isTrue();
        assertThat(onAws.allowed(" HTTPS://crm.example/feed ")).isTrue();
        assertThat(onAws.allowed("http://crm.example/feed")).isFalse();
        assertThat(onAws.allowed("https:///feed")).isFalse();
        assertThat(onAws.allowed("not a url")).isFalse();
        CrmHttp local = new CrmHttp(" http://localhost:4010 ");
        assertThat(local.allowed("http://localhost:4010/feed.xml")).isTrue();
        assertThat(local.allowed("http://localhost:4011/feed.xml")).isFalse();
        assertThat(new CrmHttp("").allowed("http://localhost:4010/feed.xml")).isFalse();
        assertThatThrownBy(() -> onAws.get("http://crm.example/feed", Map.of())).isInstanceOf(CrmException.class)
                .satisfies(e -> assertThat(((CrmException) e).refused()).isTrue());
        assertThat(new CrmHttp.Response(204, new byte[0], "").ok()).isTrue();
        assertThat(new CrmHttp.Response(300, new byte[0], "").ok()).isFalse();
        assertThat(new CrmHttp.Response(199, new byte[0], "").ok()).isFalse();
        assertThat(new CrmHttp.Response(200, "héllo".getBytes(StandardCharsets.UTF_8), "").text()).isEqualTo("héllo");
    }

    @Test
    void aFeedIsReadInPagesOfFiftyWithItsUnreadablePropertiesOnTheFirstAndBasicAuthentication() {
        StringBuilder many = new StringBuilder("<property><ref>no id</ref></property>");
        for (int i = 1; i <= 120; i++) many.append("<property><id>P").append(i).append("</id></property>");
        web.put(FEED, new CrmHttp.Response(200, ("<root>" + many + "</root>").getBytes(StandardCharsets.UTF_8), ""));
        KyeroFeed feed = new KyeroFeed(http);
        var connection = new CrmSource.Connection(FEED, Map.of("username", "agent", "password", "s3cret"));

        CrmPage first = feed.page(connection, null);
        CrmPage second = feed.page(connection, first.next());
        CrmPage last = feed.page(connection, second.next());

        assertThat(first.records()).hasSize(50).first().extracting(CrmRecord::crmId).isEqualTo("P1");
        assertThat(first.unreadable()).extracting(ImportEvents.ItemError::crmId).containsExactly("#1");
        assertThat(first.next()).isEqualTo("50");
        assertThat(second.records()).extracting(CrmRecord::crmId).startsWith("P51").endsWith("P100");
        assertThat(second.unreadable()).isEmpty();
        assertThat(second.next()).isEqualTo("100");
        assertThat(last.records()).hasSize(20).last().extracting(CrmRecord::crmId).isEqualTo("P120");
        assertThat(last.next()).isNull();
        assertThat(feed.page(connection, "500").records()).isEmpty();
        assertThat(headers.getFirst()).containsEntry("Authorization", "Basic YWdlbnQ6czNjcmV0");
        feed.page(new CrmSource.Connection(FEED, Map.of("username", "agent")), null);
        assertThat(headers.getLast()).containsEntry("Authorization", "Basic YWdlbnQ6");
        feed.page(new CrmSource.Connection(FEED, Map.of()), null);
        assertThat(headers.getLast()).doesNotContainKey("Authorization");

        web.put(FEED, new CrmHttp.Response(403, new byte[0], ""));
        assertThatThrownBy(() -> feed.test(connection)).isInstanceOf(CrmException.class)
                .hasMessage("The feed refused the credentials (403)").satisfies(e -> assertThat(((CrmException) e).refused()).isTrue());
        web.put(FEED, new CrmHttp.Response(401, new byte[0], ""));
        assertThatThrownBy(() -> feed.test(connection)).satisfies(e -> assertThat(((CrmException) e).refused()).isTrue());
        web.put(FEED, new CrmHttp.Response(500, new byte[0], ""));
        assertThatThrownBy(() -> feed.test(connection)).isInstanceOf(CrmException.class).hasMessage("The feed answered 500")
                .satisfies(e -> assertThat(((CrmException) e).refused()).isFalse());
    }

    @Test
    void anImportThatPublishesMakesPublishedListingsWithTheFeedsValuesMapped() {
        serve(property("V1", 1200, null));
        String importId = createImport(true, null);
        assertThat(f.table.get(ImportItem.class, ImportItem.pk(importId), ImportItem.SK).orElseThrow().getEndpoint()).isEqualTo(FEED);
        f.events.clear();

        Imports.RunView run = runAll(importId);

        assertThat(run.counts()).isEqualTo(new ImportEvents.Counts(1, 0, 0, 0));
        assertThat(run.total()).isEqualTo(1);
        assertThat(run.pagesDone()).isEqualTo(1);
        assertThat(run.startedBy()).isEqualTo(f.ada);
        assertThat(run.finishedAt()).isEqualTo(f.clock.instant().toString());
        String listingId = f.events.ofType(ListingEvents.CREATED).getFirst().payload().path("listingId").asText();
        ListingItem listing = f.listings.find(listingId).orElseThrow();
        assertThat(listing.getStatus()).isEqualTo("published");
        assertThat(listing.getPropertyType()).isEqualTo("apartment");
        assertThat(listing.getOffer()).isEqualTo("rent");
        assertThat(listing.getCurrency()).isEqualTo("EUR");
        assertThat(listing.getPriceMinor()).isEqualTo(120_000L);
        assertThat(listing.getRooms()).as("rounded down").isEqualTo(2);
        assertThat(listing.getAreaSqm()).isEqualTo(1250.5);
        assertThat(listing.getDescription()).isEqualTo("Top floor");
        assertThat(f.events.ofType(ListingEvents.PUBLISHED)).hasSize(1);
        ImportedPropertyItem mapping = f.table.get(ImportedPropertyItem.class, ImportItem.pk(importId), ImportedPropertyItem.sk("V1")).orElseThrow();
        assertThat(mapping.getListingId()).isEqualTo(listingId);
        assertThat(mapping.getRunId()).isEqualTo(run.importRunId());
        ImportOutcomeItem outcome = f.table.get(ImportOutcomeItem.class, ImportOutcomeItem.pk(run.importRunId()), ImportOutcomeItem.sk(0, "V1"))
                .orElseThrow();
        assertThat(outcome.getOutcome()).isEqualTo(ImportOutcomeItem.CREATED);
        assertThat(outcome.getTtl()).isEqualTo(f.clock.instant().plus(Duration.ofDays(ImportRunner.OUTCOME_DAYS)).getEpochSecond());
        assertThat(f.table.get(ImportItem.class, ImportItem.pk(importId), ImportItem.SK).orElseThrow().getActiveRunId()).as("released").isNull();
    }

    @Test
    void aPhotoThatIsNoImageOrCannotBeFetchedFailsItsPropertyWithTheReason() {
        web.put("https://crm.example/ok.jpg", new CrmHttp.Response(200, Images.jpeg(), "image/jpeg"));
        web.put("https://crm.example/doc.pdf", new CrmHttp.Response(200, Images.pdf(), "application/pdf"));
        serve(property("OK", 1000, "https://crm.example/ok.jpg"), property("PDF", 1000, "https://crm.example/doc.pdf"),
                property("GONE", 1000, "https://crm.example/gone.jpg"));
        String importId = createImport(false, null);

        Imports.RunView run = runAll(importId);

        assertThat(run.counts()).isEqualTo(new ImportEvents.Counts(1, 0, 0, 2));
        Map<String, List<String>> errors = new HashMap<>();
        run.errors().forEach(e -> errors.put(e.crmId(), e.errors()));
        assertThat(errors.get("PDF")).containsExactly("photo 1 must be a JPEG, PNG or WebP image (recognised by its content)");
        assertThat(errors.get("GONE")).containsExactly("photo 1 (https://crm.example/gone.jpg): https://crm.example/gone.jpg could not be reached");
    }

    @Test
    void aPageDoneBeforeSendsItsNextAgainOnlyWhenItWasTheLastDoneAndARunNoLongerRunningIsPassedOver() {
        StringBuilder many = new StringBuilder();
        for (int i = 1; i <= 60; i++) many.append(property("P" + i, 1000 + i, null));
        serve(many.toString());
        String importId = createImport(false, null);
        var started = imports.start(caller(f.ada), importId);
        String runId = started.importRunId();

        runner.page(new ImportPages.Page(importId, runId, 0, null));
        assertThat(queued).containsExactly(new ImportPages.Page(importId, runId, 1, "50"));
        queued.clear();
        runner.page(new ImportPages.Page(importId, runId, 0, null));
        assertThat(queued).as("the next message may have been lost: sent again").containsExactly(new ImportPages.Page(importId, runId, 1, "50"));
        queued.clear();

        runner.page(new ImportPages.Page(importId, runId, 1, "50"));
        var done = imports.run(caller(f.ada), importId, runId);
        assertThat(done.status()).isEqualTo("completed");
        assertThat(done.counts()).isEqualTo(new ImportEvents.Counts(60, 0, 0, 0));
        assertThat(done.pagesDone()).isEqualTo(2);
        assertThat(queued).isEmpty();
        assertThat(f.events.ofType(ImportEvents.PROGRESS)).extracting(e -> e.payload().path("page").asInt()).containsExactly(0, 1);
        assertThat(f.events.ofType(ImportEvents.PROGRESS).getLast().payload().path("counts").path("created").asInt()).isEqualTo(60);
        assertThat(f.events.ofType(ImportEvents.PROGRESS).getLast().payload().path("pageCounts").path("created").asInt()).isEqualTo(10);

        int reads = fetched.size();
        runner.page(new ImportPages.Page(importId, runId, 0, null));
        runner.page(new ImportPages.Page(importId, runId, 1, "50"));
        runner.page(new ImportPages.Page(importId, "no-such-run", 0, null));
        runner.failed(new ImportPages.Page(importId, runId, 1, "50"), "late");
        assertThat(queued).isEmpty();
        assertThat(fetched).as("nothing read for a run that is over").hasSize(reads);
        assertThat(imports.run(caller(f.ada), importId, runId).status()).isEqualTo("completed");
        assertThat(imports.run(caller(f.ada), importId, runId).lastError()).isNull();
    }

    @Test
    void aRunUnderWayBlocksAnotherForHalfAnHourAndTheImportsAreTheAdminsOnly() {
        serve(property("V1", 1200, null));
        String importId = createImport(false, Map.of("username", "agent", "password", "pw"));
        assertThat(secrets.get(Imports.SECRET_PREFIX + importId)).containsEntry("username", "agent");
        var first = imports.start(caller(f.ada), importId);
        assertThat(first.status()).isEqualTo("running");
        assertThat(first.counts()).isEqualTo(ImportEvents.Counts.NONE);

        f.clock.advance(Imports.STALE_RUN.minusSeconds(1));
        assertThat(Refusals.status(() -> imports.start(caller(f.ada), importId))).isEqualTo(409);
        f.clock.advance(Duration.ofSeconds(1));
        assertThat(Refusals.status(() -> imports.start(caller(f.ada), importId))).as("a stale run no longer blocks").isEqualTo(200);

        assertThat(Refusals.status(() -> imports.run(caller(f.ada), importId, "unknown"))).isEqualTo(404);
        assertThat(Refusals.status(() -> imports.run(caller(f.ada), "unknown", first.importRunId()))).isEqualTo(404);
        assertThat(Refusals.status(() -> imports.run(caller(f.rita), importId, first.importRunId()))).isEqualTo(403);
        assertThat(Refusals.status(() -> imports.run(caller(f.paula), importId, first.importRunId()))).isEqualTo(404);
        var view = imports.create(caller(f.ada), new ImportRequests.CreateImport("kyero", FEED, null,
                new ImportRequests.FieldMapping(Map.of("price", "cost"), Map.of(), Map.of()), null));
        assertThat(view.fieldMapping().fields()).containsEntry("price", "cost");
        assertThat(view.publish()).isFalse();
        assertThat(view.crmType()).isEqualTo("kyero");
        assertThat(view.agencyId()).isEqualTo(f.agencyA);
        assertThat(view.createdBy()).isEqualTo(f.ada);
    }

    @Test
    void anImportIsRefusedWhereItsConnectionCannotBeUsed() {
        serve(property("V1", 1200, null));
        assertThat(Refusals.field(() -> imports.create(caller(f.ada), new ImportRequests.CreateImport("kyero", "http://crm.example/feed.xml",
                null, null, null)))).isEqualTo("endpoint");
        assertThat(Refusals.field(() -> imports.create(caller(f.ada), new ImportRequests.CreateImport("reso", "https://crm.example/reso",
                Map.of("clientId", "c", "clientSecret", "s", "tokenUrl", "http://crm.example/token"), null, null)))).isEqualTo("credentials.tokenUrl");
        assertThat(Refusals.detail(() -> imports.create(caller(f.ada), new ImportRequests.CreateImport("kyero", "https://crm.example/other.xml",
                null, null, null)))).startsWith("The CRM could not be read: ");
        web.put(FEED, new CrmHttp.Response(401, new byte[0], ""));
        assertThat(Refusals.detail(() -> imports.create(caller(f.ada), new ImportRequests.CreateImport("kyero", FEED, null, null, null))))
                .isEqualTo("The CRM refused the connection: The feed refused the credentials (401)");
        assertThat(secrets).isEmpty();
    }
}
