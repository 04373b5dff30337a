package app.domus.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.local.json.Json;
import app.domus.local.partners.locks.SmartLockDouble;
import app.domus.local.testing.ApiResponse;
import app.domus.local.testing.LocalCloudClient;
import app.domus.local.testing.LocalCloudExtension;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Flow 15 through the local cloud, its smart-lock double (Nuki's API) and its police portal double (SES.HOSPEDAJES,
 * lots processed two seconds after they arrive): a direct booking gets its keypad code on the lock and a welcome
 * e-mail with the access code; the police reject the first registration (no nationality) and accept the correction,
 * after which the ID image is gone from S3; check-in with a wrong, an early and an expired code is refused, with the
 * right one opens the door and gives the keypad code and the Wi-Fi, and the manager is told; a lock offline at
 * check-in still gives the code, marks the check-in pending lock sync and catches up when the lock is back; check-out
 * revokes the code; a cancellation revokes it too and withdraws the registration.
 */
@ExtendWith(LocalCloudExtension.class)
class GuestStayFlowTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern ACCESS_CODE = Pattern.compile("Access code: ([A-Z0-9]+)");
    private static final String LOCK = "17000001", OTHER_LOCK = "17000002";

    @Test
    void aStayFromBookingThroughThePoliceAndCheckInToCheckOut(LocalCloudClient cloud) throws Exception {
        String unit = cloud.cloud().demoData().ids().get("unit.1B");
        String run = UUID.randomUUID().toString().substring(0, 8);
        setUp(cloud, unit, LOCK);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        // A direct booking from today: the saga puts its keypad code on the lock and e-mails the guest.
        String guest = "guest-" + run + "@example.test";
        String reservation = book(cloud, unit, today, today.plusDays(2), guest, run);
        String code = accessCode(cloud, guest);
        JsonNode stay = awaitStay(cloud, reservation, s -> s.path("lockStatus").asText().equals("active"));
        assertThat(stay.path("registrationStatus").asText()).isEqualTo("awaiting_guests");
        JsonNode keypad = codeOnLock(cloud, LOCK, reservation);
        assertThat(keypad.isMissingNode()).as("the stay's code is on the lock").isFalse();
        assertThat(stay.toString()).doesNotContain(code);
        assertThat(cloud.as("owner2").get("/reservations/" + reservation + "/stay").status()).isIn(403, 404);

        // The police reject a registration without the guest's nationality, and accept the correction.
        String png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";
        ApiResponse lying = cloud.as("manager").put("/reservations/" + reservation + "/guest-registration", Json.write(Map.of(
                "guests", List.of(guestWith(null)), "documents", List.of(Map.of("contentType", "image/jpeg", "data", png)))));
        assertThat(lying.status()).as("a PNG that says it is a JPEG").isEqualTo(400);
        ApiResponse first = cloud.as("manager").put("/reservations/" + reservation + "/guest-registration", Json.write(Map.of(
                "guests", List.of(guestWith(null)), "documents", List.of(Map.of("contentType", "image/png", "data", png)))));
        assertThat(first.status()).as(first.body()).isEqualTo(202);
        assertThat(first.json().path("documentsKept").asInt()).isEqualTo(1);
        assertThat(photosUnder(cloud, "guest-documents/")).anyMatch(key -> key.contains("/" + reservation + "/"));
        stay = resumeUntil(cloud, reservation, s -> s.path("registrationStatus").asText().equals("rejected"));
        assertThat(stay.path("rejectionReason").asText()).contains("nacionalidad");
        JsonNode rejection = cloud.awaitOutbox("manager@domus.local", m -> m.path("text").asText().contains(reservation)
                && m.path("subject").asText().contains("rejected"));
        assertThat(rejection.path("text").asText()).contains("nacionalidad");
        assertThat(stay.path("lockStatus").asText()).as("a rejection leaves the guest's code alone").isEqualTo("active");

        ApiResponse corrected = cloud.as("manager").put("/reservations/" + reservation + "/guest-registration", Json.write(Map.of(
                "guests", List.of(guestWith("GBR")), "documents", List.of(Map.of("contentType", "image/png", "data", png)))));
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(202);
        stay = resumeUntil(cloud, reservation, s -> s.path("registrationStatus").asText().equals("accepted"));
        assertThat(stay.path("communicationCode").asText()).isNotBlank();
        assertThat(stay.path("documentsKept").asInt()).as("ID images are not kept once accepted").isZero();
        assertThat(photosUnder(cloud, "guest-documents/")).noneMatch(key -> key.contains(reservation));

        // Check-in: a wrong code, an unknown reservation, then the right code (lower case, dashed) opens the door.
        assertProblem(checkIn(cloud, reservation, "WRONGCODE"), 401, "invalid-access-code");
        assertProblem(checkIn(cloud, "no-such-" + run, code), 401, "invalid-access-code");
        ApiResponse in = checkIn(cloud, reservation, code.substring(0, 4).toLowerCase() + "-" + code.substring(4));
        assertThat(in.status()).as(in.body()).isEqualTo(200);
        assertThat(in.json().path("status").asText()).isEqualTo("checked_in");
        assertThat(in.json().path("lockCode").asText()).isEqualTo(keypad.path("code").asText());
        assertThat(in.json().path("wifiInfo").path("network").asText()).isEqualTo("Casa-1B");
        cloud.awaitEvent("GuestCheckedIn", e -> e.toString().contains(reservation));
        cloud.awaitOutbox("manager@domus.local", m -> m.path("subject").asText().contains("checked in") && m.path("text").asText().contains(reservation));
        assertThat(lockDouble(cloud, "POST", "/locks/" + LOCK + "/keypad?code=" + in.json().path("lockCode").asText(), null)
                .path("opened").asBoolean()).as("the keypad code opens the door").isTrue();

        // Check-out revokes the code.
        ApiResponse out = cloud.anonymous().post("/check-out", Json.write(Map.of("reservationId", reservation, "accessCode", code)));
        assertThat(out.status()).as(out.body()).isEqualTo(200);
        assertThat(out.json().path("status").asText()).isEqualTo("checked_out");
        awaitStay(cloud, reservation, s -> s.path("lockStatus").asText().equals("revoked"));
        assertThat(codeOnLock(cloud, LOCK, reservation).isMissingNode()).isTrue();
    }

    @Test
    void earlyExpiredAndGuessedCodesAreRefusedAndALockOfflineAtCheckInDoesNotStrandTheGuest(LocalCloudClient cloud) throws Exception {
        String unit = cloud.cloud().demoData().ids().get("unit.3B");
        String run = UUID.randomUUID().toString().substring(0, 8);
        setUp(cloud, unit, OTHER_LOCK);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        String early = book(cloud, unit, today.plusDays(30), today.plusDays(32), "early-" + run + "@example.test", run + "e");
        assertProblem(checkIn(cloud, early, accessCode(cloud, "early-" + run + "@example.test")), 403, "check-in-not-open");
        String past = book(cloud, unit, today.minusDays(5), today.minusDays(3), "past-" + run + "@example.test", run + "p");
        assertProblem(checkIn(cloud, past, accessCode(cloud, "past-" + run + "@example.test")), 410, "access-code-expired");

        // The lock goes offline before the guest arrives: the guest still gets the code, the manager is told.
        String guest = "late-" + run + "@example.test";
        String reservation = book(cloud, unit, today, today.plusDays(1), guest, run + "n");
        String code = accessCode(cloud, guest);
        awaitStay(cloud, reservation, s -> s.path("lockStatus").asText().equals("active"));
        lockDouble(cloud, "POST", "/locks/" + OTHER_LOCK + "/offline", null);
        try {
            ApiResponse in = checkIn(cloud, reservation, code);
            assertThat(in.status()).as(in.body()).isEqualTo(200);
            assertThat(in.json().path("status").asText()).isEqualTo("pending_lock_sync");
            assertThat(in.json().path("lockCode").asText()).matches("[1-9]{6}");
            JsonNode notice = cloud.awaitOutbox("manager@domus.local", m -> m.path("subject").asText().contains("checked in")
                    && m.path("text").asText().contains(reservation));
            assertThat(notice.path("text").asText()).contains("offline");
        } finally {
            lockDouble(cloud, "POST", "/locks/" + OTHER_LOCK + "/online", null);
        }
        JsonNode synced = resumeUntil(cloud, reservation, s -> s.path("checkInStatus").asText().equals("checked_in"));
        assertThat(synced.path("lockStatus").asText()).isEqualTo("active");
        cloud.awaitEvent("StayLockSynced", e -> e.toString().contains(reservation));

        // Guessing: after ten attempts on one reservation (the early one above and nine guesses) even the right code waits.
        for (int i = 0; i < 9; i++) assertProblem(checkIn(cloud, early, "GUESS" + i + run), 401, "invalid-access-code");
        ApiResponse limited = checkIn(cloud, early, accessCode(cloud, "early-" + run + "@example.test"));
        assertProblem(limited, 429, "too-many-requests");
        assertThat(limited.header("retry-after")).isNotBlank();

        // A cancellation revokes the keypad code and closes the stay.
        assertThat(codeOnLock(cloud, OTHER_LOCK, early).isMissingNode()).isFalse();
        ApiResponse cancelled = cloud.as("manager").post("/reservations/" + early + "/cancellation", null);
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        awaitStay(cloud, early, s -> s.path("status").asText().equals("cancelled") && s.path("lockStatus").asText().equals("revoked"));
        assertThat(codeOnLock(cloud, OTHER_LOCK, early).isMissingNode()).isTrue();
        cloud.awaitEvent("StayClosed", e -> e.toString().contains(early));
    }

    private static void setUp(LocalCloudClient cloud, String unit, String lock) {
        ApiResponse setup = cloud.as("manager").put("/units/" + unit + "/rental-setup", Json.write(Map.of(
                "lockId", lock, "establishmentCode", "0000000001", "checkInTime", "00:00", "checkOutTime", "11:00", "timeZone", "UTC",
                "wifiNetwork", "Casa-1B", "wifiPassword", "wifi-" + lock, "instructions", "Key box by the door")));
        assertThat(setup.status()).as(setup.body()).isEqualTo(200);
    }

    private static String book(LocalCloudClient cloud, String unit, LocalDate in, LocalDate out, String guest, String key) {
        ApiResponse booked = cloud.as("manager").header("idempotency-key", "stay-" + key).post("/units/" + unit + "/reservations",
                Json.write(Map.of("checkIn", in.toString(), "checkOut", out.toString(), "guestName", "Gina Guest", "guestEmail", guest, "guests", 2)));
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        return booked.json().path("reservationId").asText();
    }

    private static String accessCode(LocalCloudClient cloud, String guest) throws InterruptedException {
        JsonNode welcome = cloud.awaitOutbox(guest, m -> ACCESS_CODE.matcher(m.path("text").asText()).find());
        Matcher m = ACCESS_CODE.matcher(welcome.path("text").asText());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static Map<String, Object> guestWith(String nationality) {
        Map<String, Object> guest = new java.util.LinkedHashMap<>(Map.of("firstName", "Gina", "lastName1", "Guest", "documentType", "PAS",
                "documentNumber", "X1234567", "birthDate", "1990-05-01", "sex", "M"));
        if (nationality != null) guest.put("nationality", nationality);
        return guest;
    }

    private static ApiResponse checkIn(LocalCloudClient cloud, String reservation, String code) {
        return cloud.anonymous().post("/check-in", Json.write(Map.of("reservationId", reservation, "accessCode", code)));
    }

    private static JsonNode awaitStay(LocalCloudClient cloud, String reservation, Predicate<JsonNode> done) throws InterruptedException {
        return LocalCloudClient.awaitAnswer(() -> cloud.as("manager").get("/reservations/" + reservation + "/stay"), done);
    }

    /** Fires ResumeStays as at a time its waiting steps are due, until the stay reads as {@code done}. */
    private static JsonNode resumeUntil(LocalCloudClient cloud, String reservation, Predicate<JsonNode> done) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            cloud.fireSchedule("ResumeStaysFunction", Instant.now().plus(2, ChronoUnit.HOURS));
            JsonNode stay = cloud.as("manager").get("/reservations/" + reservation + "/stay").json();
            if (done.test(stay)) return stay;
            Thread.sleep(700);
        }
        throw new AssertionError("The stay of " + reservation + " did not get there: " + cloud.as("manager").get("/reservations/" + reservation + "/stay").body());
    }

    private static void assertProblem(ApiResponse response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("content-type")).startsWith("application/problem+json");
        assertThat(response.json().path("type").asText()).endsWith("/" + type);
    }

    private static JsonNode codeOnLock(LocalCloudClient cloud, String lock, String reservation) throws Exception {
        for (JsonNode code : lockDouble(cloud, "GET", "/locks/" + lock, null).path("auths")) {
            if (code.path("name").asText().equals(reservation)) return code;
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static JsonNode lockDouble(LocalCloudClient cloud, String method, String control, Object body) throws Exception {
        String base = cloud.cloud().partnerDoubles().get(SmartLockDouble.NAME);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/_double" + control))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(Json.write(body)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isLessThan(300);
        return response.body().isBlank() ? Json.MAPPER.createObjectNode() : Json.read(response.body());
    }

    /** The keys of the files bucket's objects under {@code prefix}, read with the S3 SDK from the local S3. */
    private static List<String> photosUnder(LocalCloudClient cloud, String prefix) {
        String bucket = cloud.cloud().deployment().names().ref(cloud.cloud().deployment().template().resource("PhotosBucket"));
        try (S3Client s3 = S3Client.builder().httpClient(UrlConnectionHttpClient.create()).forcePathStyle(true).build()) {
            return s3.listObjectsV2Paginator(l -> l.bucket(bucket).prefix(prefix)).contents().stream().map(S3Object::key).toList();
        }
    }
}
