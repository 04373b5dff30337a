package app.domus.e2e;

import static app.domus.e2e.IdentityFlowsTest.json;
import static app.domus.local.testing.LocalCloudClient.awaitAnswer;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.local.testing.ApiCaller;
import app.domus.local.testing.ApiResponse;
import app.domus.local.testing.LocalCloudClient;
import app.domus.local.testing.LocalCloudExtension;
import app.domus.local.partners.channels.ChannelsDouble;
import app.domus.local.partners.crm.CrmDouble;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sends every exercised cell of {@code contract/authorisation-matrix.md} (a route, a caller kind) to the local cloud with
 * the demo estate's ids in the path and checks the status is one the table expects. A caller the table refuses never
 * gets a 2xx, and a 2xx to a caller outside the object's building or organisation never carries the building's ids.
 * Writes are sent only where the table expects a refusal, so the estate stays as made: with a valid body where
 * the route validates before it authorises ({@link #BODIES}), otherwise an empty one.
 *
 * <p>The callers the demo lacks are made here: another organisation and its admin, a manager of a second building
 * of the demo organisation, and three delegates of unit 3B's owner (all rights, only {@code vote}, and one whose
 * delegation has expired). The tenant of 3B reports one fault, so the fault routes have a real id, and building A's
 * staff make the objects the demo lacks ({@link RealObjects}): a vote, a reading period, a lift, an invoice of 3B and
 * a conversation with a message (and, on the portal, a published listing of an agency none of the callers belongs
 * to), so that their routes answer for a real object and not only "not found".
 *
 * <p>{@code -Dauthz.discover=true} records what each cell answered into
 * {@code target/authorisation-matrix.observed.md} instead of failing: for filling in new rows, by hand, after reading
 * each answer (a 2xx to a wrong caller is a bug, not a row to copy).
 */
@ExtendWith(LocalCloudExtension.class)
class AuthorisationMatrixTest {
    /** An id of the right shape that names nothing: a route whose object the demo has none of still answers for an object. */
    private static final String NOTHING = "01JAUTHZMATR1XN0TH1NG00000";
    private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z]+)}");
    /** Query parameters a route requires, filled like the path. */
    private static final Map<String, String> QUERIES = Map.of("GET /invoices", "?unitId={unitId}",
            "GET /ai/agents", "?organisationId={organisationId}", "GET /ai/runs", "?organisationId={organisationId}",
            "GET /listings", "?location=Bratislava");
    /**
     * Valid bodies for writes that check the body before the caller's rights, so that the refusal asserted is the
     * authorisation's and not the validation's; every other write is sent {@code {}}. Filled like the path.
     */
    private static final Map<String, String> BODIES = Map.ofEntries(
            Map.entry("PATCH /buildings/{buildingId}", json(Map.of("name", "Renamed by an intruder"))),
            Map.entry("POST /buildings/{buildingId}/units", json(Map.of("number", "9Z", "floor", 9))),
            Map.entry("POST /organisations/{organisationId}/buildings", json(Map.of("name", "An intruder's building",
                    "address", Map.of("street", "Main Street 99", "city", "Bratislava", "postalCode", "81101", "country", "SK")))),
            Map.entry("POST /units/{unitId}/ownerships", json(Map.of("ownerId", "{ownerId}", "share", "1/1000"))),
            Map.entry("PUT /buildings/{buildingId}/technicians/{userId}/skills", json(Map.of("skills", List.of("plumbing")))),
            Map.entry("POST /meters/{meterId}/retirement", json(Map.of("removedOn", "2026-06-01"))),
            Map.entry("PUT /units/{unitId}/rental-setup", json(Map.of("lockId", "17000099", "establishmentCode", "0000000099",
                    "checkInTime", "15:00", "checkOutTime", "11:00", "timeZone", "UTC"))),
            Map.entry("POST /units/{unitId}/reservations", json(Map.of("checkIn", "2027-01-10", "checkOut", "2027-01-12",
                    "guestName", "Ivy Intruder", "guestEmail", "ivy@example.com", "guests", 1))),
            Map.entry("POST /agencies/{agencyId}/realtors", json(Map.of("email", "ivy@example.com"))),
            Map.entry("PUT /ai/agents/{task}", json(Map.of("organisationId", "{organisationId}", "enabled", false))),
            // A run that bills no consumption needs a line to bill (the handler's rule; the schema allows none).
            Map.entry("POST /buildings/{buildingId}/billing-runs", json(Map.of("period", "2027-01", "dueDate", "2027-02-15",
                    "lines", List.of(Map.of("description", "An intruder's fee", "amount", 1000, "vatRate", 20, "split", "per_unit"))))),
            Map.entry("POST /buildings/{buildingId}/equipment", json(Map.of("type", "boiler", "name", "An intruder's boiler",
                    "installedOn", "2020-01-01"))),
            Map.entry("POST /buildings/{buildingId}/knowledge", json(Map.of("title", "An intruder's house rules",
                    "mediaType", "text/plain", "content", "Quiet hours are whenever the intruder says."))),
            Map.entry("POST /buildings/{buildingId}/reading-periods", json(Map.of("startsOn", "2026-06-01", "endsOn", "2026-06-15"))),
            Map.entry("PUT /buildings/{buildingId}/tariffs", json(Map.of("cold_water", Map.of("unitPrice", 350, "vatRate", 20)))),
            Map.entry("POST /equipment/{equipmentId}/maintenance", json(Map.of("kind", "service", "performedOn", "2026-05-01"))),
            Map.entry("PATCH /faults/{faultId}", json(Map.of("status", "in_progress"))),
            Map.entry("POST /inquiries/{inquiryId}/responses", json(Map.of("message", "An intruder's answer"))),
            Map.entry("POST /invoices/{invoiceId}/credit-note", json(Map.of("reason", "An intruder's refund"))),
            Map.entry("PATCH /listings/{listingId}", json(Map.of("pricing", Map.of("offer", "rent", "amountMinor", 100000,
                    "currency", "EUR")))),
            // {uploadId}: an upload of the lister's (see RealObjects).
            Map.entry("POST /listings/{listingId}/photos", json(Map.of("uploadId", "{uploadId}"))),
            Map.entry("PUT /listings/{listingId}/suggestions/{suggestionId}", json(Map.of("status", "accepted"))),
            Map.entry("PATCH /meter-readings/{readingId}", json(Map.of("value", 12.5, "reason", "An intruder's correction"))),
            Map.entry("POST /meters/{meterId}/replacement", json(Map.of("serialNumber", "INTRUDER-1", "replacedOn", "2026-06-01"))),
            Map.entry("PUT /reservations/{reservationId}/guest-registration", json(Map.of("guests", List.of(Map.of(
                    "firstName", "Ivy", "lastName1", "Intruder", "birthDate", "1990-01-01", "documentType", "PAS",
                    "documentNumber", "X1234567", "nationality", "GBR"))))),
            Map.entry("POST /units/{unitId}/channels", json(Map.of("type", "ical", "name", "An intruder's feed",
                    "feedUrl", "https://example.com/intruder.ics"))),
            Map.entry("PATCH /conversations/{conversationId}/messages/{messageId}", json(Map.of("content", "An intruder's edit"))),
            // The ballot names 3B: a caller with two units in the vote (owner3, other-unit-owner) must say which.
            Map.entry("POST /votes/{voteId}/ballots", json(Map.of("optionId", "{optionId}", "unitId", "{unitId}"))));

    @Test
    void everyExercisedCellAnswersAsTheTableSays(LocalCloudClient cloud) throws Exception {
        long started = System.nanoTime();
        Matrix matrix = Matrix.load(repoRoot().resolve("contract/authorisation-matrix.md"));
        Map<String, String> ids = cloud.cloud().demoData().ids();
        Estate estate = Estate.make(cloud, ids);

        boolean discover = Boolean.getBoolean("authz.discover") || "true".equals(System.getenv("AUTHZ_DISCOVER"));
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        Map<String, Map<String, String>> observed = new ConcurrentHashMap<>();
        estate.awaitExpiry();
        // A cell's answer does not depend on another's (every write sent is refused), so the cells go four at a time.
        List<Runnable> cells = new ArrayList<>();
        for (Matrix.Row row : matrix.rows()) {
            String path = fill(row.path() + QUERIES.getOrDefault(row.route(), ""), estate.parameters());
            boolean write = !row.method().equals("GET");
            String body = !write || row.method().equals("DELETE") ? null : fill(BODIES.getOrDefault(row.route(), "{}"), estate.parameters());
            for (Map.Entry<String, String> cell : row.cells().entrySet()) {
                String caller = cell.getKey();
                String expected = cell.getValue();
                if (!Matrix.exercised(expected)) continue;
                if (write && !expected.equals("?") && Matrix.allows(expected)) {
                    failures.add(row.route() + " × " + caller + ": a write is only sent to a caller the table refuses (" + expected + ")");
                    continue;
                }
                cells.add(() -> {
                    ApiResponse response = estate.caller(caller).send(row.method(), path, body);
                    int status = response.status();
                    observed.computeIfAbsent(row.route(), r -> new ConcurrentHashMap<>()).put(caller, Integer.toString(status));
                    if (status >= 500) failures.add(row.route() + " × " + caller + ": " + status + " " + response.body());
                    if (!discover && !Matrix.statuses(expected).contains(status)) {
                        failures.add(row.route() + " × " + caller + ": expected " + expected + ", got " + status + " " + abbreviate(response.body()));
                    }
                    if (status / 100 == 2) {
                        for (String foreign : estate.foreignTo(caller)) {
                            if (response.body() != null && response.body().contains(foreign)) {
                                failures.add(row.route() + " × " + caller + ": " + status + " carries " + foreign + " " + abbreviate(response.body()));
                            }
                        }
                    }
                });
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (var done : pool.invokeAll(cells.stream().map(Executors::callable).toList())) done.get();
        } finally {
            pool.shutdown();
        }
        int sent = cells.size();
        if (discover) writeObserved(matrix, observed);
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        System.out.println("Authorisation matrix: " + matrix.rows().size() + " routes, " + sent + " cells sent in " + seconds + " s");
        assertThat(sent).as("cells sent").isGreaterThan(matrix.rows().size());
        assertThat(failures).isEmpty();
        // What the objects made here set off (an export's notice, an inquiry's, Tower B's invoices) is delivered, not
        // left failing in flight for the test classes after this one.
        cloud.awaitQueueDrained("NotificationQueue");
    }

    private static String fill(String path, Map<String, String> parameters) {
        Matcher m = PARAMETER.matcher(path);
        StringBuilder filled = new StringBuilder();
        while (m.find()) m.appendReplacement(filled, Matcher.quoteReplacement(parameters.getOrDefault(m.group(1), NOTHING)));
        m.appendTail(filled);
        return filled.toString();
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    private static void writeObserved(Matrix matrix, Map<String, Map<String, String>> observed) throws IOException {
        StringBuilder out = new StringBuilder("| Route | " + String.join(" | ", matrix.callers()) + " |\n");
        for (Matrix.Row row : matrix.rows()) {
            out.append("| `").append(row.route()).append("` |");
            for (String caller : matrix.callers()) {
                String cell = row.cells().get(caller);
                String seen = observed.getOrDefault(row.route(), Map.of()).get(caller);
                out.append(' ').append(seen == null ? cell : cell.equals("?") ? seen : cell + "=" + seen).append(" |");
            }
            out.append('\n');
        }
        Path file = Path.of("target/authorisation-matrix.observed.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out);
    }

    static Path repoRoot() {
        Path path = Path.of("").toAbsolutePath();
        while (path != null && !Files.exists(path.resolve("template.yaml"))) path = path.getParent();
        if (path == null) throw new IllegalStateException("template.yaml not found");
        return path;
    }

    /** The callers and the ids filled into paths. */
    /** Ids of the portal's objects made here, which are not building A's (an option id, "o1", and a suggestion's label are no secret). */
    private static final List<String> PORTAL = List.of("optionId", "listingId", "agencyId", "inquiryId", "exportId", "runId", "suggestionId");
    /** Ids of what the lister (no caller) owns alone. */
    private static final List<String> LISTERS = List.of("notificationId", "feedId", "savedSearchId", "importId", "importRunId", "uploadId");

    private record Estate(Map<String, ApiCaller> callers, Map<String, String> parameters, Map<String, Set<String>> foreign,
                          Instant expiry) {

        static Estate make(LocalCloudClient cloud, Map<String, String> ids) throws InterruptedException {
            String run = UUID.randomUUID().toString().substring(0, 8);
            String organisationId = ids.get("organisationId");
            String buildingId = ids.get("buildingId");
            String unitId = ids.get("unit.3B");
            Map<String, ApiCaller> callers = new LinkedHashMap<>();
            callers.put("anonymous", cloud.anonymous());

            ApiCaller stranger = account(cloud, "stranger-" + run + "@example.com");
            ApiResponse elsewhere = stranger.post("/organisations", json(Map.of("name", "Elsewhere Estates " + run)));
            assertThat(elsewhere.status()).as(elsewhere.body()).isEqualTo(201);
            callers.put("other-org-admin", stranger);

            ApiCaller admin = cloud.as("admin");
            ApiResponse towerB = admin.post("/organisations/" + organisationId + "/buildings", json(Map.of("name", "Sunrise Tower B " + run,
                    "address", Map.of("street", "Main Street 14", "city", "Bratislava", "postalCode", "81101", "country", "SK"))));
            assertThat(towerB.status()).as(towerB.body()).isEqualTo(201);
            String managerEmail = "manager-b-" + run + "@example.com";
            ApiResponse invitation = admin.post("/invitations", json(Map.of("organisationId", organisationId, "role", "manager",
                    "buildingId", towerB.json().path("buildingId").asText(), "email", managerEmail, "expiresInDays", 1)));
            assertThat(invitation.status()).as(invitation.body()).isEqualTo(201);
            ApiResponse registered = cloud.anonymous().post("/auth/register", json(Map.of("email", managerEmail,
                    "password", "authz-matrix-password", "invitationCode", invitation.json().path("code").asText(),
                    "displayName", "Bea Manager")));
            assertThat(registered.status()).as(registered.body()).isEqualTo(201);
            callers.put("other-building-manager", cloud.withToken(registered.json().path("token").asText()));

            callers.put("other-unit-owner", cloud.as("owner"));
            callers.put("tenant", cloud.as("tenant"));
            callers.put("technician", cloud.as("technician"));
            callers.put("owner", cloud.as("owner3"));

            // The expired delegation first: it runs out while the others are made.
            ApiCaller owner = callers.get("owner");
            List<String> every = List.of("vote", "pay", "view_finances", "report_faults");
            Delegate expired = delegate(cloud, owner, "expired-" + run, unitId, every, Duration.ofSeconds(5));
            callers.put("expired-delegate", expired.caller());
            Delegate full = delegate(cloud, owner, "delegate-" + run, unitId, every, Duration.ofDays(30));
            callers.put("delegate", full.caller());
            callers.put("delegate-without-right", delegate(cloud, owner, "vote-only-" + run, unitId, List.of("vote"), Duration.ofDays(30)).caller());
            callers.put("manager", cloud.as("manager"));
            callers.put("org-admin", admin);

            ApiResponse fault = callers.get("tenant").post("/faults", json(Map.of("title", "Dripping tap in the bathroom",
                    "description", "The bathroom tap drips all night", "category", "other", "buildingId", buildingId, "unitId", unitId)));
            assertThat(fault.status()).as(fault.body()).isEqualTo(201);
            String faultId = fault.json().path("faultId").asText();
            // A caller of its own for Tower B's billing run: an Idempotency-Key stays on every later call of a caller.
            ApiCaller billingManagerB = cloud.withToken(registered.json().path("token").asText());
            RealObjects objects = RealObjects.make(cloud, callers, ids, towerB.json().path("buildingId").asText(), billingManagerB, run);

            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("organisationId", organisationId);
            parameters.put("buildingId", buildingId);
            parameters.put("unitId", unitId);
            parameters.put("meterId", ids.get("meter.3B.cold_water"));
            parameters.put("reservationId", ids.get("reservation.2B"));
            parameters.put("deviceId", ids.get("device.1A"));
            parameters.put("userId", cloud.cloud().demoData().account("technician").orElseThrow().userId());
            parameters.put("delegationId", full.delegationId());
            parameters.put("faultId", faultId);
            parameters.put("ownerId", cloud.cloud().demoData().account("owner3").orElseThrow().userId());
            parameters.put("provider", "google");
            parameters.put("task", "listing_enrichment");
            parameters.putAll(objects.parameters());

            // Building A's ids, which nobody outside building A may be shown.
            Set<String> buildingA = new HashSet<>();
            ids.forEach((name, id) -> {
                if (!name.equals("organisationId") && !name.endsWith(".secret")) buildingA.add(id);
            });
            buildingA.add(faultId);
            buildingA.add(full.delegationId());
            // The listing and its agency are the portal's, not building A's; an option id ("o1") is no secret.
            objects.parameters().forEach((name, id) -> {
                if (!PORTAL.contains(name) && !LISTERS.contains(name)) buildingA.add(id);
            });
            Set<String> organisationA = new HashSet<>(buildingA);
            organisationA.add(organisationId);
            // A smart-meter device's secret is shown once, to whoever registered it, and never again to anyone.
            Set<String> secrets = new HashSet<>();
            ids.forEach((name, id) -> {
                if (name.endsWith(".secret")) secrets.add(id);
            });
            Map<String, Set<String>> foreign = new LinkedHashMap<>();
            for (String kind : callers.keySet()) foreign.put(kind, new HashSet<>(secrets));
            foreign.get("anonymous").addAll(organisationA);
            foreign.get("other-org-admin").addAll(organisationA);
            foreign.get("other-building-manager").addAll(buildingA);
            // Residents and delegates see their own units' meters only (the building's meters are its staff's).
            Map<String, List<String>> unitsOf = Map.of("tenant", List.of("3B"), "owner", List.of("3A", "3B"),
                    "other-unit-owner", List.of("1A", "1B"), "delegate", List.of("3B"), "delegate-without-right", List.of(),
                    "expired-delegate", List.of());
            unitsOf.forEach((kind, units) -> ids.forEach((name, id) -> {
                String[] parts = name.split("\\.");
                if (parts[0].equals("meter") && !units.contains(parts[1])) foreign.get(kind).add(id);
            }));
            // 3B's invoice is for those who see 3B's finances; the conversation and its message for its participants.
            for (String kind : List.of("other-unit-owner", "tenant", "technician", "delegate-without-right", "expired-delegate")) {
                foreign.get(kind).add(objects.parameters().get("invoiceId"));
            }
            for (String kind : callers.keySet()) {
                if (List.of("tenant", "owner", "manager").contains(kind)) continue;
                foreign.get(kind).addAll(List.of(objects.parameters().get("conversationId"), objects.parameters().get("messageId"),
                        objects.messageContent()));
            }
            // The inquiry is its inquirer's and the listing agency's, none of whom is a caller; the export is other-org-admin's.
            // The lister's own notification, feed, saved search, import and import run are no caller's.
            for (String kind : callers.keySet()) {
                LISTERS.forEach(name -> foreign.get(kind).add(objects.parameters().get(name)));
                foreign.get(kind).add(objects.parameters().get("inquiryId"));
                if (!kind.equals("other-org-admin")) foreign.get(kind).add(objects.parameters().get("exportId"));
            }
            // Tower B's billing run is for Tower B's staff.
            for (String kind : callers.keySet()) {
                if (!List.of("other-building-manager", "org-admin").contains(kind)) foreign.get(kind).add(objects.parameters().get("runId"));
            }
            // 3B's reading is for those who may read 3B's meter.
            for (String kind : List.of("other-unit-owner", "delegate", "delegate-without-right", "expired-delegate")) {
                foreign.get(kind).add(objects.parameters().get("readingId"));
            }
            return new Estate(callers, parameters, foreign, expired.expiresAt());
        }

        ApiCaller caller(String kind) {
            ApiCaller caller = callers.get(kind);
            if (caller == null) throw new IllegalArgumentException("No caller kind " + kind + "; the test knows " + callers.keySet());
            return caller;
        }

        Set<String> foreignTo(String kind) {
            return foreign.getOrDefault(kind, Set.of());
        }

        /** The expired delegate only counts as expired once its delegation's time has passed. */
        void awaitExpiry() throws InterruptedException {
            long wait = Duration.between(Instant.now(), expiry).toMillis() + 50;
            if (wait > 0) Thread.sleep(wait);
        }
    }

    private record Delegate(ApiCaller caller, String delegationId, Instant expiresAt) {}

    /**
     * The objects the demo has none of, made as building A's staff would: an open vote in which 3B votes (with owner3's
     * ballot for 3A, so the ballots have one to show), a reading period running now, a lift, an invoice of 3B, and the
     * manager's conversation with the tenant and owner3 holding one message of the manager's; and on the portal a
     * published listing (in a town of its own) of an agency whose one realtor is made here. None of them touches what
     * another test counts: the vote runs for 30 days (no schedule closes it), the lift is new and serviced (no high-risk
     * prediction), the invoice falls due in 60 days (no reminder run reaches it), the period is the building's only one.
     */
    private record RealObjects(Map<String, String> parameters, String messageContent) {
        static RealObjects make(LocalCloudClient cloud, Map<String, ApiCaller> callers, Map<String, String> ids, String towerB,
                                ApiCaller billingManagerB, String run) throws InterruptedException {
            ApiCaller manager = callers.get("manager");
            String buildingId = ids.get("buildingId");
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            Map<String, String> parameters = new LinkedHashMap<>();

            ApiResponse vote = manager.post("/votes", json(Map.of("buildingId", buildingId, "title", "Authorisation matrix vote " + run,
                    "options", List.of(Map.of("label", "Yes"), Map.of("label", "No")),
                    "settings", Map.of("weighting", "share", "quorum", "1/2", "allowBallotChanges", false, "secret", false),
                    "endDate", Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS).toString())));
            assertThat(vote.status()).as(vote.body()).isEqualTo(201);
            assertThat(vote.json().path("status").asText()).isEqualTo("open");
            String voteId = vote.json().path("voteId").asText();
            String optionId = vote.json().path("options").get(0).path("id").asText();
            parameters.put("voteId", voteId);
            parameters.put("optionId", optionId);
            ApiResponse ballot = callers.get("owner").post("/votes/" + voteId + "/ballots", json(Map.of("optionId", optionId,
                    "unitId", ids.get("unit.3A"))));
            assertThat(ballot.status()).as(ballot.body()).isEqualTo(201);

            ApiResponse period = manager.post("/buildings/" + buildingId + "/reading-periods", json(Map.of(
                    "startsOn", today.toString(), "endsOn", today.plusDays(14).toString())));
            assertThat(period.status()).as(period.body()).isEqualTo(201);
            parameters.put("periodId", period.json().path("periodId").asText());

            ApiResponse lift = manager.post("/buildings/" + buildingId + "/equipment", json(Map.of("type", "lift",
                    "name", "Lift authz-" + run, "installedOn", "2025-06-01", "lastServicedOn", today.minusDays(30).toString())));
            assertThat(lift.status()).as(lift.body()).isEqualTo(201);
            parameters.put("equipmentId", lift.json().path("id").asText());

            ApiResponse invoice = manager.post("/invoices", json(Map.of("unitId", ids.get("unit.3B"),
                    "dueDate", today.plusDays(60).toString(),
                    "items", List.of(Map.of("description", "Key replacement", "quantity", 1, "unitPrice", 2500, "vatRate", 20)))));
            assertThat(invoice.status()).as(invoice.body()).isEqualTo(201);
            parameters.put("invoiceId", invoice.json().path("invoiceId").asText());

            var demo = cloud.cloud().demoData();
            ApiResponse conversation = manager.post("/conversations", json(Map.of("title", "Lift inspection " + run, "participantIds",
                    List.of(demo.account("tenant").orElseThrow().userId(), demo.account("owner3").orElseThrow().userId()))));
            assertThat(conversation.status()).as(conversation.body()).isEqualTo(201);
            String conversationId = conversation.json().path("conversationId").asText();
            String content = "The lift inspection is on Friday, ref " + run;
            ApiResponse message = manager.post("/conversations/" + conversationId + "/messages", json(Map.of("content", content)));
            assertThat(message.status()).as(message.body()).isEqualTo(201);
            parameters.put("conversationId", conversationId);
            parameters.put("messageId", message.json().path("messageId").asText());

            // A published listing of an agency none of the callers belongs to (its admin is nobody else here).
            ApiCaller lister = account(cloud, "lister-" + run + "@example.com");
            ApiResponse agency = lister.post("/agencies", json(Map.of("name", "Authorisation Homes " + run)));
            assertThat(agency.status()).as(agency.body()).isEqualTo(201);
            ApiResponse listing = lister.post("/listings", json(Map.of(
                    "property", Map.of("type", "apartment", "rooms", 2, "address", Map.of("city", "Authzdorf " + run,
                            "latitude", 48.1, "longitude", 17.1)),
                    "description", "Fifth-floor flat reached by lift with a south-facing loggia and a space in the underground car park",
                    "pricing", Map.of("offer", "sale", "amountMinor", 150_000_00, "currency", "EUR"))));
            assertThat(listing.status()).as(listing.body()).isEqualTo(201);
            String listingId = listing.json().path("listingId").asText();
            ApiResponse published = lister.post("/listings/" + listingId + "/publish", "");
            assertThat(published.status()).as(published.body()).isEqualTo(200);
            parameters.put("agencyId", agency.json().path("agencyId").asText());
            parameters.put("listingId", listingId);

            // Someone who is none of the callers asks about that listing: its inquiry is theirs and the agency's only.
            ApiCaller inquirer = account(cloud, "inquirer-" + run + "@example.com");
            ApiResponse inquiry = inquirer.post("/inquiries", json(Map.of("listingId", listingId,
                    "message", "Is the flat still available? ref " + run)));
            assertThat(inquiry.status()).as(inquiry.body()).isEqualTo(201);
            parameters.put("inquiryId", inquiry.json().path("inquiryId").asText());
            // The inquiry's notice is the lister's own notification, which no caller may mark read.
            JsonNode notices = awaitAnswer(() -> lister.get("/notifications"), n -> n.path("items").size() > 0);
            parameters.put("notificationId", notices.path("items").get(0).path("notificationId").asText());
            // What enrichment suggested for the listing's description is decided by its agency only.
            cloud.awaitEvent("ListingEnriched", e -> e.toString().contains(listingId));
            JsonNode suggestions = awaitAnswer(() -> lister.get("/listings/" + listingId + "/suggestions"), n -> n.path("items").size() > 0);
            parameters.put("suggestionId", suggestions.path("items").get(0).path("suggestionId").asText());

            // An upload of the lister's, which only the lister's agency could add to its listing.
            ApiResponse upload = lister.post("/uploads", json(Map.of("contentType", "image/jpeg", "sizeBytes", 2048)));
            assertThat(upload.status()).as(upload.body()).isEqualTo(201);
            parameters.put("uploadId", upload.json().path("uploadId").asText());

            // The lister's own iCal feed and saved search: theirs to revoke and to unsubscribe (with the e-mail's token).
            ApiResponse feed = lister.post("/calendar/feeds", "");
            assertThat(feed.status()).as(feed.body()).isEqualTo(201);
            parameters.put("feedId", feed.json().path("feedId").asText());
            ApiResponse saved = lister.post("/saved-searches", json(Map.of("criteria", Map.of("location", "Authzdorf " + run),
                    "alertSettings", Map.of("frequency", "daily"))));
            assertThat(saved.status()).as(saved.body()).isEqualTo(201);
            parameters.put("savedSearchId", saved.json().path("savedSearchId").asText());

            // The lister's agency imports from the CRM's double, and runs it once with the price read from a field the
            // CRM has not: every property is refused by the mapping, so the run ends at once with nothing imported.
            String crm = cloud.cloud().partnerDoubles().get(CrmDouble.NAME);
            ApiResponse crmImport = lister.post("/imports", json(Map.of("crmType", "reso", "endpoint", crm + "/odata",
                    "credentials", Map.of("clientId", CrmDouble.CLIENT_ID, "clientSecret", CrmDouble.CLIENT_SECRET, "tokenUrl", crm + "/oauth2/token"),
                    "fieldMapping", Map.of("fields", Map.of("price", "NoSuchPrice")))));
            assertThat(crmImport.status()).as(crmImport.body()).isEqualTo(201);
            String importId = crmImport.json().path("importId").asText();
            ApiResponse importRun = lister.post("/imports/" + importId + "/run", "");
            assertThat(importRun.status()).as(importRun.body()).isEqualTo(202);
            String importRunId = importRun.json().path("importRunId").asText();
            JsonNode ended = awaitAnswer(() -> lister.get("/imports/" + importId + "/runs/" + importRunId),
                    r -> !r.path("status").asText().equals("running"));
            assertThat(ended.path("counts").path("created").asInt()).as(ended.toString()).isZero();
            parameters.put("importId", importId);
            parameters.put("importRunId", importRunId);

            // The tenant reads 3B's cold-water meter (its first reading: accepted, no anomaly, no consumption to bill).
            ApiResponse reading = callers.get("tenant").post("/meter-readings", json(Map.of("meterId", ids.get("meter.3B.cold_water"),
                    "value", 12.5)));
            assertThat(reading.status()).as(reading.body()).isEqualTo(201);
            parameters.put("readingId", reading.json().path("readingId").asText());

            // The manager connects 3B to an iCal feed of the channels' double that holds no stay (a sync adds nothing).
            String channels = cloud.cloud().partnerDoubles().get(ChannelsDouble.NAME);
            String emptyFeed = "authz-" + run;
            channelsDouble(channels, "POST", "/feeds/" + emptyFeed + "/events", json(Map.of("uid", "gone@" + run, "start", "2045-01-01", "end", "2045-01-02")));
            channelsDouble(channels, "DELETE", "/feeds/" + emptyFeed + "/events/gone@" + run, null);
            ApiResponse channel = manager.post("/units/" + ids.get("unit.3B") + "/channels", json(Map.of("type", "ical",
                    "name", "Authorisation feed " + run, "feedUrl", channels + "/feeds/" + emptyFeed + ".ics")));
            assertThat(channel.status()).as(channel.body()).isEqualTo(201);
            parameters.put("channelId", channel.json().path("channelId").asText());

            // The other organisation's admin exports their own data: the export is theirs alone.
            ApiResponse export = callers.get("other-org-admin").post("/me/export", "");
            assertThat(export.status()).as(export.body()).isEqualTo(202);
            parameters.put("exportId", export.json().path("exportId").asText());

            // Tower B's manager bills Tower B's one unit (Tower A's invoices, which other tests count, stay as they are).
            ApiResponse unit = billingManagerB.post("/buildings/" + towerB + "/units", json(Map.of("number", "B1", "floor", 1)));
            assertThat(unit.status()).as(unit.body()).isEqualTo(201);
            ApiResponse billing = billingManagerB.header("idempotency-key", "authz-run-" + run).post("/buildings/" + towerB + "/billing-runs",
                    json(Map.of("period", YearMonth.now(ZoneOffset.UTC).plusMonths(3).toString(), "dueDate", today.plusDays(90).toString(),
                            "lines", List.of(Map.of("description", "Cleaning", "amount", 1500, "vatRate", 20, "split", "per_unit")))));
            assertThat(billing.status()).as(billing.body()).isEqualTo(202);
            parameters.put("runId", billing.json().path("runId").asText());
            return new RealObjects(parameters, content);
        }
    }

    private static void channelsDouble(String baseUrl, String method, String control, String body) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl + "/_double" + control))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(control + ": " + response.body()).isEqualTo(200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Owner of the unit delegates these rights to a new person, who accepts. */
    private static Delegate delegate(LocalCloudClient cloud, ApiCaller owner, String name, String unitId, List<String> rights, Duration validFor) {
        String email = name + "@example.com";
        String userId = portalUser(cloud, email);
        Instant expiresAt = Instant.now().plus(validFor).plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
        ApiResponse created = owner.post("/delegations", json(Map.of("delegateEmail", email, "rights", rights, "unitId", unitId,
                "expiresAt", expiresAt.toString())));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String delegationId = created.json().path("delegationId").asText();
        ApiCaller delegate = cloud.withClaims(Map.of("sub", userId, "email", email, "email_verified", true));
        ApiResponse accepted = delegate.post("/delegations/" + delegationId + "/accept", "");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        return new Delegate(delegate, delegationId, expiresAt);
    }

    /**
     * A signed-up, verified person as a caller: the objects they make (an export, an inquiry, a listing) notify them,
     * and the notifier dead-letters a notice to someone who has no account.
     */
    private static ApiCaller account(LocalCloudClient cloud, String email) {
        return cloud.withClaims(Map.of("sub", portalUser(cloud, email), "email", email, "email_verified", true));
    }

    private static final Pattern VERIFY_LINK = Pattern.compile("verify-email\\?token=([A-Za-z0-9_-]+)");

    /**
     * A person with an account and no role anywhere: signed up on the portal and verified the address. A delegation
     * is accepted by the account whose verified address it names.
     */
    private static String portalUser(LocalCloudClient cloud, String email) {
        ApiResponse signedUp = cloud.anonymous().post("/portal/signup", json(Map.of("email", email, "password", "authz-matrix-password",
                "name", "Dana Delegate")));
        assertThat(signedUp.status()).as(signedUp.body()).isEqualTo(202);
        try {
            Matcher link = VERIFY_LINK.matcher(cloud.awaitOutbox(email, m -> VERIFY_LINK.matcher(m.toString()).find()).toString());
            assertThat(link.find()).isTrue();
            ApiResponse verified = cloud.anonymous().post("/auth/verify-email", json(Map.of("token", link.group(1))));
            assertThat(verified.status()).as(verified.body()).isEqualTo(200);
            return verified.json().path("userId").asText();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The table: a row per route, a column per caller kind. The contract module checks its rows against the template. */
    record Matrix(List<String> callers, List<Row> rows) {
        record Row(String method, String path, Map<String, String> cells) {
            String route() {
                return method + " " + path;
            }
        }

        private static final Pattern ROUTE = Pattern.compile("`([A-Z]+) (/\\S*)`");

        static Matrix load(Path file) throws IOException {
            List<String> callers = null;
            List<Row> rows = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                if (!line.startsWith("|") || line.startsWith("|---")) continue;
                String[] cells = line.substring(1, line.lastIndexOf('|')).split("\\|");
                for (int i = 0; i < cells.length; i++) cells[i] = cells[i].trim();
                if (cells[0].equals("Route")) {
                    callers = List.of(cells).subList(1, cells.length);
                    continue;
                }
                Matcher route = ROUTE.matcher(cells[0]);
                if (callers == null || !route.matches()) continue;
                Map<String, String> byCaller = new LinkedHashMap<>();
                for (int i = 0; i < callers.size(); i++) byCaller.put(callers.get(i), cells[i + 1]);
                rows.add(new Row(route.group(1), route.group(2), byCaller));
            }
            if (callers == null) throw new IllegalStateException(file + " has no table with a Route column");
            return new Matrix(callers, rows);
        }

        /** {@code n/a}: the caller kind means nothing for the route; {@code -}: expected but not sent (a write it may make). */
        static boolean exercised(String cell) {
            return !cell.equals("n/a") && !cell.equals("-") && !cell.startsWith("(");
        }

        static Set<Integer> statuses(String cell) {
            Set<Integer> statuses = new HashSet<>();
            if (cell.equals("?")) return statuses;
            for (String status : cell.split("/")) statuses.add(Integer.parseInt(status.trim()));
            return statuses;
        }

        static boolean allows(String cell) {
            return statuses(cell).stream().anyMatch(status -> status / 100 == 2);
        }
    }
}
