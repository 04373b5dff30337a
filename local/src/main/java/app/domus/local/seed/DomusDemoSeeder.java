package app.domus.local.seed;

import app.domus.shared.aws.PlatformConfig;
import app.domus.shared.directory.InvitationItem;
import app.domus.shared.directory.OrganisationItem;
import app.domus.shared.directory.Role;
import app.domus.shared.ids.Ids;
import app.domus.shared.persistence.DomusTable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The demo estate: one organisation with one building of six units, fully owned by three owners, with a manager,
 * a technician and a tenant, two meters per unit, plus open invitation codes for a newcomer to register with, and a
 * portal user ({@code portal}) who signed up on the listing portal and verified the address with the link e-mailed.
 *
 * <p>Each resident is invited by their e-mail address (the invitation names it), so their address counts as verified, as
 * it does for any invitation that names the address; the open codes name none, so a newcomer who registers with one is
 * sent a verification link.
 *
 * <p>Everything but the very first invitation goes through the platform's own HTTP API, as the admin and then the
 * manager would do it, so the demo data is exactly what the real flows produce (and seeding exercises them). The
 * first invitation is written straight into the table: someone has to be the first admin.
 */
public final class DomusDemoSeeder implements DemoSeeder {
    public static final String PASSWORD = "domus-demo-password";
    private static final ObjectMapper JSON = new ObjectMapper();

    private record UnitPlan(String number, int floor, String share, String owner) {}

    private static final List<UnitPlan> UNITS = List.of(
            new UnitPlan("1A", 1, "150/1000", "owner"),
            new UnitPlan("1B", 1, "150/1000", "owner"),
            new UnitPlan("2A", 2, "175/1000", "owner2"),
            new UnitPlan("2B", 2, "175/1000", "owner2"),
            new UnitPlan("3A", 3, "175/1000", "owner3"),
            new UnitPlan("3B", 3, "175/1000", "owner3"));

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String baseUrl;

    @Override
    public void seed(SeedContext context) throws Exception {
        // Templates other than the platform's (the local cloud's own test templates) have nothing to seed.
        if (!context.hasFunction("CreateInvitationFunction")) return;
        baseUrl = context.httpBaseUrl();
        DemoData demo = context.demoData();

        String organisationId = Ids.newId();
        String adminCode = context.asFunction("CreateInvitationFunction", () -> firstAdminInvitation(organisationId));
        String admin = register(demo, "admin", Role.ORG_ADMIN, "Ada Admin", "admin@domus.local", adminCode);
        demo.addId("organisationId", organisationId);

        JsonNode building = post("/organisations/" + organisationId + "/buildings", Map.of("name", "Sunrise Tower A",
                "address", Map.of("street", "Main Street 12", "city", "Bratislava", "postalCode", "81101", "country", "SK")),
                admin, 201);
        String buildingId = building.path("buildingId").asText();
        demo.addId("buildingId", buildingId);

        Map<String, String> unitIds = new LinkedHashMap<>();
        for (UnitPlan unit : UNITS) {
            JsonNode created = post("/buildings/" + buildingId + "/units",
                    Map.of("number", unit.number(), "floor", unit.floor()), admin, 201);
            unitIds.put(unit.number(), created.path("unitId").asText());
            demo.addId("unit." + unit.number(), created.path("unitId").asText());
        }

        String manager = register(demo, "manager", Role.MANAGER, "Mia Manager", "manager@domus.local",
                invite(admin, organisationId, "manager", Map.of("buildingId", buildingId, "email", "manager@domus.local")));
        register(demo, "technician", Role.TECHNICIAN, "Tom Technician", "technician@domus.local",
                invite(manager, organisationId, "technician", Map.of("buildingId", buildingId, "email", "technician@domus.local")));

        Map<String, String> ownerIds = new LinkedHashMap<>();
        Map<String, String[]> owners = Map.of(
                "owner", new String[] {"Olga Owner", "owner@domus.local", "1A"},
                "owner2", new String[] {"Oscar Owner", "owner2@domus.local", "2A"},
                "owner3", new String[] {"Otto Owner", "owner3@domus.local", "3A"});
        for (var o : List.of("owner", "owner2", "owner3")) {
            String[] who = owners.get(o);
            String code = invite(manager, organisationId, "owner", Map.of("unitId", unitIds.get(who[2]), "email", who[1]));
            register(demo, o, Role.OWNER, who[0], who[1], code);
            ownerIds.put(o, demo.account(o).orElseThrow().userId());
        }
        for (UnitPlan unit : UNITS) {
            post("/units/" + unitIds.get(unit.number()) + "/ownerships",
                    Map.of("ownerId", ownerIds.get(unit.owner()), "share", unit.share()), manager, 201);
        }
        register(demo, "tenant", Role.TENANT, "Tina Tenant", "tenant@domus.local",
                invite(manager, organisationId, "tenant", Map.of("unitId", unitIds.get("3B"), "email", "tenant@domus.local")));

        portalUser(demo, "portal", "Paula Portal", "portal@domus.local");

        if (context.hasFunction("CreateMeterFunction")) meters(demo, unitIds, manager);
        if (context.hasFunction("PutRentalSetupFunction") && context.hasFunction("CreateReservationFunction")) shortStay(demo, unitIds, manager);

        demo.addInvitationCode(invite(manager, organisationId, "tenant", Map.of("unitId", unitIds.get("1A"))),
                "tenant of unit 1A in Sunrise Tower A");
        demo.addInvitationCode(invite(manager, organisationId, "owner", Map.of("unitId", unitIds.get("2B"))),
                "co-owner of unit 2B in Sunrise Tower A");
        demo.addInvitationCode(invite(admin, organisationId, "technician", Map.of("buildingId", buildingId)),
                "technician of Sunrise Tower A");
    }

    private static String firstAdminInvitation(String organisationId) {
        DomusTable table = table();
        Instant now = Instant.now();
        table.of(OrganisationItem.class).putItem(OrganisationItem.of(organisationId, "Sunrise Residences", "local-cloud", now.toString()));

        InvitationItem invitation = new InvitationItem();
        invitation.setCode(Ids.humanCode(3));
        invitation.setPk(InvitationItem.pk(invitation.getCode()));
        invitation.setSk(InvitationItem.SK);
        invitation.setGsi1pk(InvitationItem.byOrganisation(organisationId));
        invitation.setGsi1sk(now.toString());
        invitation.setOrganisationId(organisationId);
        invitation.setRole(Role.ORG_ADMIN.name());
        invitation.setEmail("admin@domus.local");
        invitation.setStatus(InvitationItem.OPEN);
        invitation.setExpiresAt(now.plus(Duration.ofDays(1)).toString());
        invitation.setCreatedBy("local-cloud");
        invitation.setCreatedAt(now.toString());
        table.of(InvitationItem.class).putItem(invitation);
        return invitation.getCode();
    }

    /**
     * A cold-water and an electricity meter per unit, installed by the manager through the meters API; the demo ids are
     * recorded as {@code meter.<unit>.<type>}. The electricity meters of 1A and 1B get a smart-meter device each, whose
     * id and secret are recorded as {@code device.<unit>} and {@code device.<unit>.secret} (for the device simulator
     * and MQTT clients: user name = client id = device id, password = secret).
     */
    private void meters(DemoData demo, Map<String, String> unitIds, String manager) throws IOException, InterruptedException {
        int serial = 100_001;
        for (Map.Entry<String, String> unit : unitIds.entrySet()) {
            for (String type : List.of("cold_water", "electricity")) {
                JsonNode meter = post("/meters", Map.of("unitId", unit.getValue(), "type", type, "serialNumber", "SN-" + serial++,
                        "installedOn", "2026-01-01", "startReading", 0), manager, 201);
                String meterId = meter.path("meterId").asText();
                demo.addId("meter." + unit.getKey() + "." + type, meterId);
                if (type.equals("electricity") && (unit.getKey().equals("1A") || unit.getKey().equals("1B"))) {
                    JsonNode device = post("/meters/" + meterId + "/devices", Map.of(), manager, 201);
                    demo.addId("device." + unit.getKey(), device.path("deviceId").asText());
                    demo.addId("device." + unit.getKey() + ".secret", device.path("secret").asText());
                }
            }
        }
    }

    /**
     * Unit 2B let for short stays behind the smart-lock double's lock 17000002, with a guest arriving today for three
     * nights: the welcome e-mail with the access code is in the outbox (guest@domus.local), and the stay checks in with
     * {@code POST /check-in}. The reservation's id is recorded as {@code reservation.2B}.
     */
    private void shortStay(DemoData demo, Map<String, String> unitIds, String manager) throws IOException, InterruptedException {
        String unit = unitIds.get("2B");
        send("PUT", "/units/" + unit + "/rental-setup", Map.of("lockId", "17000002", "establishmentCode", "0000000001",
                "checkInTime", "00:00", "checkOutTime", "11:00", "timeZone", "UTC", "wifiNetwork", "Sunrise-2B",
                "wifiPassword", "welcome-2B", "instructions", "Lift to the second floor, the door on the right"), manager, 200);
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/units/" + unit + "/reservations")).timeout(Duration.ofSeconds(30))
                .header("content-type", "application/json").header("authorization", "Bearer " + manager).header("idempotency-key", "demo-stay-2B")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("checkIn", today.toString(),
                        "checkOut", today.plusDays(3).toString(), "guestName", "Gael Guest", "guestEmail", "guest@domus.local", "guests", 2))));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) throw new IllegalStateException("Seeding a reservation answered " + response.statusCode() + ": " + response.body());
        demo.addId("reservation.2B", JSON.readTree(response.body()).path("reservationId").asText());
    }

    private static DomusTable table() {
        DynamoDbClient dynamoDb = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
        return new DomusTable(DynamoDbEnhancedClient.builder().dynamoDbClient(dynamoDb).build(), new PlatformConfig());
    }

    private String invite(String token, String organisationId, String role, Map<String, String> scope) throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>(scope);
        body.put("organisationId", organisationId);
        body.put("role", role);
        body.put("expiresInDays", 30);
        return post("/invitations", body, token, 201).path("code").asText();
    }

    /** Registers through the API and records the account; returns its access token. */
    private String register(DemoData demo, String key, Role role, String name, String email, String code)
            throws IOException, InterruptedException {
        JsonNode registered = post("/auth/register",
                Map.of("email", email, "password", PASSWORD, "invitationCode", code, "displayName", name), null, 201);
        String userId = registered.path("userId").asText();
        demo.addAccount(new DemoAccount(key, role.wire(), name, email, PASSWORD, userId,
                Map.of("sub", userId, "email", email, "email_verified", true)));
        return registered.path("token").asText();
    }

    private static final java.util.regex.Pattern VERIFY_LINK = java.util.regex.Pattern.compile("verify-email\\?token=([A-Za-z0-9_-]+)");

    /**
     * Signs up on the portal, takes the verification link from the e-mail in the local outbox (as the person would from
     * their inbox) and verifies; records the account as a verified portal user.
     */
    private void portalUser(DemoData demo, String key, String name, String email) throws IOException, InterruptedException {
        post("/portal/signup", Map.of("email", email, "password", PASSWORD, "name", name), null, 202);
        String token = null;
        long deadline = System.currentTimeMillis() + 60_000;
        while (token == null && System.currentTimeMillis() < deadline) {
            HttpResponse<String> outbox = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/_local/outbox?to="
                    + java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            var link = VERIFY_LINK.matcher(outbox.body());
            if (link.find()) token = link.group(1);
            else Thread.sleep(200);
        }
        if (token == null) throw new IllegalStateException("Seeding: no verification e-mail reached " + email);
        String userId = post("/auth/verify-email", Map.of("token", token), null, 200).path("userId").asText();
        demo.addAccount(new DemoAccount(key, "portal", name, email, PASSWORD, userId,
                Map.of("sub", userId, "email", email, "email_verified", true)));
    }

    private JsonNode post(String path, Object body, String token, int expected) throws IOException, InterruptedException {
        return send("POST", path, body, token, expected);
    }

    private JsonNode send(String method, String path, Object body, String token, int expected) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("content-type", "application/json");
        if (token != null) request.header("authorization", "Bearer " + token);
        request.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (expected != 0 && response.statusCode() != expected) {
            throw new IllegalStateException("Seeding " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body() == null || response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
    }
}
