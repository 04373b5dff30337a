package app.domus.local.partners.police;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.local.console.Outbox;
import app.domus.local.json.Json;
import app.domus.local.partners.PartnerDoubleContext;
import app.domus.rentals.partners.PartnerCalls;
import app.domus.rentals.partners.PartnerException;
import app.domus.rentals.police.GuestRegistration;
import app.domus.rentals.police.SesCredentials;
import app.domus.rentals.police.SesHospedajesPoliceGateway;
import app.domus.rentals.police.SubmissionStatus;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rentals' SES.HOSPEDAJES client against the police portal double, in-process; lots are processed when the test says. */
class PolicePortalClientTest {
    static final SesCredentials CREDENTIALS = new SesCredentials("0000000001WS", "Secret-1", "0000000001");

    @TempDir Path data;
    private PolicePortalDouble portal;
    private SesHospedajesPoliceGateway police;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        portal = new PolicePortalDouble(PolicePortalDoubleSettings.manual(CREDENTIALS.user(), CREDENTIALS.password(), CREDENTIALS.landlordCode()));
        portal.start(new PartnerDoubleContext(freePort(), data, new Outbox(data.resolve("outbox.jsonl"))));
        police = gateway(CREDENTIALS, PartnerCalls.Settings.defaults().withRetries(3, Duration.ofMillis(1)));
    }

    private SesHospedajesPoliceGateway gateway(SesCredentials credentials, PartnerCalls.Settings settings) {
        return new SesHospedajesPoliceGateway(portal.baseUrl(), () -> credentials, settings);
    }

    @AfterEach
    void stop() {
        portal.close();
        http.close();
    }

    static GuestRegistration.Guest guest() {
        return new GuestRegistration.Guest("Ana", "Prueba", null, "PAS", "X1234567", null, LocalDate.of(1990, 1, 2), "DEU", "M",
                "Hauptstraße 1", "10115", "Berlin", "DEU", "ana@example.invalid", null);
    }

    static GuestRegistration registration(GuestRegistration.Guest... guests) {
        return new GuestRegistration("0000000042", "RES-1", LocalDate.of(2030, 6, 1), LocalDate.of(2030, 7, 1), LocalTime.of(16, 0),
                LocalDate.of(2030, 7, 4), 1, true, "PLATF", List.of(guests));
    }

    @Test
    void aSubmissionIsAcceptedLater() throws Exception {
        SubmissionStatus submitted = police.submit(registration(guest()));
        assertThat(submitted.state()).isEqualTo(SubmissionStatus.State.SUBMITTED);
        assertThat(police.status(submitted.submissionId())).isEqualTo(submitted);

        control("POST", "lots/process");
        SubmissionStatus accepted = police.status(submitted.submissionId());
        assertThat(accepted.state()).isEqualTo(SubmissionStatus.State.ACCEPTED);
        assertThat(accepted.communicationCode()).isNotBlank();
        assertThat(control("GET", "communications").get(0).path("reference").asText()).isEqualTo("RES-1");
    }

    @Test
    void aBadRegistrationIsRejectedWithItsReasonAndTheCorrectionAccepted() throws Exception {
        SubmissionStatus first = police.submit(registration(guest().withDocument("PAS", null)));
        control("POST", "lots/process");
        SubmissionStatus rejected = police.status(first.submissionId());
        assertThat(rejected.state()).isEqualTo(SubmissionStatus.State.REJECTED);
        assertThat(rejected.reason()).isEqualTo("Error validación de datos: Persona 1: el número de documento es obligatorio");

        SubmissionStatus corrected = police.resubmit(first.submissionId(), registration(guest()));
        assertThat(corrected.state()).isEqualTo(SubmissionStatus.State.SUBMITTED);
        assertThat(corrected.submissionId()).isNotEqualTo(first.submissionId());
        control("POST", "lots/process");
        assertThat(police.status(corrected.submissionId()).state()).isEqualTo(SubmissionStatus.State.ACCEPTED);
    }

    @Test
    void aGuestWithoutNationalityIsRejected() throws Exception {
        SubmissionStatus submitted = police.submit(registration(guest(), guest().withNationality(null)));
        control("POST", "lots/process");
        assertThat(police.status(submitted.submissionId()).reason()).endsWith("Persona 2: la nacionalidad es obligatoria");
    }

    @Test
    void correctingAnAcceptedRegistrationWithdrawsItFirst() throws Exception {
        SubmissionStatus first = police.submit(registration(guest()));
        control("POST", "lots/process");
        String code = police.status(first.submissionId()).communicationCode();

        SubmissionStatus corrected = police.resubmit(first.submissionId(), registration(guest().withDocument("PAS", "Y7654321")));
        control("POST", "lots/process");
        assertThat(police.status(corrected.submissionId()).state()).isEqualTo(SubmissionStatus.State.ACCEPTED);
        JsonNode communications = control("GET", "communications");
        assertThat(communications).hasSize(2);
        assertThat(communications.get(0).path("code").asText()).isEqualTo(code);
        assertThat(communications.get(0).path("withdrawn").asBoolean()).isTrue();
        assertThat(communications.get(1).path("withdrawn").asBoolean()).isFalse();
    }

    @Test
    void anAcceptedRegistrationIsWithdrawnByACancellationProcessedLikeASubmission() throws Exception {
        SubmissionStatus first = police.submit(registration(guest()));
        control("POST", "lots/process");

        SubmissionStatus cancellation = police.withdraw(first.submissionId());
        assertThat(cancellation.state()).isEqualTo(SubmissionStatus.State.SUBMITTED);
        assertThat(cancellation.submissionId()).isNotEqualTo(first.submissionId());
        assertThat(control("GET", "communications").get(0).path("withdrawn").asBoolean()).isFalse();
        control("POST", "lots/process");
        assertThat(police.status(cancellation.submissionId()).state()).isEqualTo(SubmissionStatus.State.ACCEPTED);
        assertThat(control("GET", "communications").get(0).path("withdrawn").asBoolean()).isTrue();
    }

    @Test
    void aSubmissionStillInProcessIsCancelledAtOnce() throws Exception {
        SubmissionStatus submitted = police.submit(registration(guest()));
        assertThat(police.withdraw(submitted.submissionId())).isEqualTo(SubmissionStatus.withdrawn(submitted.submissionId()));
        control("POST", "lots/process");
        assertThat(control("GET", "communications")).isEmpty();
        assertThat(police.status(submitted.submissionId()).reason()).isEqualTo("Lote anulado por el remitente");
    }

    @Test
    void aRequestOfTheWrongFormIsInvalidAtOnce() {
        SesHospedajesPoliceGateway otherLandlord = gateway(new SesCredentials(CREDENTIALS.user(), CREDENTIALS.password(), "0000000999"),
                PartnerCalls.Settings.defaults());
        assertThatThrownBy(() -> otherLandlord.submit(registration(guest()))).isInstanceOfSatisfying(PartnerException.Invalid.class,
                e -> assertThat(e.reason()).contains("arrendador"));
    }

    @Test
    void wrongCredentialsOrAnUnknownLotAreRefused() {
        SesHospedajesPoliceGateway wrong = gateway(new SesCredentials(CREDENTIALS.user(), "nope", CREDENTIALS.landlordCode()), PartnerCalls.Settings.defaults());
        assertThatThrownBy(() -> wrong.submit(registration(guest()))).isInstanceOfSatisfying(PartnerException.Refused.class,
                e -> assertThat(e.code()).isEqualTo("401"));
        assertThatThrownBy(() -> police.status("no-such-lot")).isInstanceOf(PartnerException.Refused.class);
    }

    @Test
    void aFailingPortalIsRetriedAndABrokenAnswerIsThePortalFailing() throws Exception {
        control("POST", "faults?kind=error&count=2");
        assertThat(police.submit(registration(guest())).state()).isEqualTo(SubmissionStatus.State.SUBMITTED);
        assertThat(control("GET", "lots")).hasSize(1);

        control("POST", "faults?kind=malformed&count=3");
        assertThatThrownBy(() -> police.submit(registration(guest()))).isInstanceOf(PartnerException.Unavailable.class);
        assertThat(control("GET", "lots")).hasSize(1);
    }

    @Test
    void aSlowPortalTimesOut() throws Exception {
        SesHospedajesPoliceGateway impatient = gateway(CREDENTIALS, PartnerCalls.Settings.defaults().withRetries(1, Duration.ofMillis(1))
                .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(200)));
        control("POST", "faults?kind=slow&delayMillis=3000");
        assertThatThrownBy(() -> impatient.submit(registration(guest()))).isInstanceOfSatisfying(PartnerException.Unavailable.class,
                e -> assertThat(e.timedOut()).isTrue());
    }

    private JsonNode control(String method, String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(portal.baseUrl() + "/_double/" + pathAndQuery))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.read(response.body());
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
