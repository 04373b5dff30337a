package app.domus.rentals.police;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.rentals.partners.PartnerCalls;
import app.domus.rentals.partners.PartnerException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The SES.HOSPEDAJES client against a small SOAP server answering what each test scripts, in order. */
class SesHospedajesPoliceGatewayTest {
    private record Answer(int status, String body) {}

    /** What the portal was asked: the operation, and for a communication its type of operation and its request unzipped. */
    private record Asked(String operation, String tipoOperacion, String solicitud, String lote, String codigoArrendador) {}

    private final Deque<Answer> answers = new ArrayDeque<>();
    private final List<Asked> asked = new CopyOnWriteArrayList<>();
    private final List<String> headers = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final SesHospedajesPoliceGateway gateway;

    SesHospedajesPoliceGatewayTest() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
        gateway = fresh();
    }

    /** A client of its own (its own breaker) to the server. */
    private SesHospedajesPoliceGateway fresh() {
        return new SesHospedajesPoliceGateway("http://127.0.0.1:" + server.getAddress().getPort() + "/",
                () -> new SesCredentials("ws-user", "ws-pass", "0000000007"),
                PartnerCalls.Settings.defaults().withRetries(2, Duration.ofMillis(1)).withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2)));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        headers.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " | " + exchange.getRequestHeaders().getFirst("Content-Type")
                + " | " + exchange.getRequestHeaders().getFirst("SOAPAction") + " | " + exchange.getRequestHeaders().getFirst("Authorization"));
        Element root = SesMessages.parse(body).getDocumentElement();
        Element bodyElement = SesMessages.first(root, "Body");
        Node operation = bodyElement.getFirstChild();
        while (operation != null && operation.getNodeType() != Node.ELEMENT_NODE) operation = operation.getNextSibling();
        String solicitud = SesMessages.text(root, "solicitud");
        asked.add(new Asked(operation.getLocalName(), SesMessages.text(root, "tipoOperacion"),
                solicitud == null ? null : SesMessages.unzip(Base64.getDecoder().decode(solicitud)), SesMessages.text(root, "lote"),
                SesMessages.text(root, "codigoArrendador")));
        Answer answer = answers.isEmpty() ? new Answer(500, "") : answers.pop();
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String soap(String body) {
        return "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>" + body + "</s:Body></s:Envelope>";
    }

    private void answer(String body) {
        answers.add(new Answer(200, body));
    }

    private void communicationOk(String lot) {
        answer(soap("<n:comunicacionResponse xmlns:n=\"x\"><respuesta><codigo>0</codigo><descripcion>Ok</descripcion><lote>" + lot
                + "</lote></respuesta></n:comunicacionResponse>"));
    }

    private void lot(String lot, int state, String communication) {
        answer(soap("<n:consultaLoteResponse xmlns:n=\"x\"><respuesta><codigo>0</codigo></respuesta><resultado><lote>" + lot + "</lote><codigoEstado>"
                + state + "</codigoEstado><resultadoComunicaciones>" + (communication == null ? "" : "<resultadoComunicacion><orden>1</orden><codigoComunicacion>"
                + communication + "</codigoComunicacion></resultadoComunicacion>") + "</resultadoComunicaciones></resultado></n:consultaLoteResponse>"));
    }

    private void cancellation(int code) {
        answer(soap("<n:anulacionLoteResponse xmlns:n=\"x\"><respuesta><codigo>" + code + "</codigo><descripcion>desc " + code
                + "</descripcion></respuesta></n:anulacionLoteResponse>"));
    }

    private void fault(int status, String code, String text) {
        answers.add(new Answer(status, soap("<s:Fault><faultcode>" + code + "</faultcode><faultstring>" + text + "</faultstring></s:Fault>")));
    }

    private List<String> operations() {
        return asked.stream().map(a -> a.operation() + (a.tipoOperacion() == null ? "" : " " + a.tipoOperacion())).toList();
    }

    @Test
    void aSubmissionIsOneCommunicationOfTheGuestsWithBasicAuthAndItsLotIsTheSubmission() {
        communicationOk("LOT-9");

        assertThat(gateway.submit(SesMessagesTest.registration())).isEqualTo(SubmissionStatus.submitted("LOT-9"));

        assertThat(operations()).containsExactly("comunicacionRequest A");
        Asked a = asked.getFirst();
        assertThat(a.solicitud()).isEqualTo(SesMessages.guestsRequest(SesMessagesTest.registration()));
        assertThat(a.codigoArrendador()).isEqualTo("0000000007");
        assertThat(SesMessages.text(SesMessages.parse(SesMessages.communicationEnvelope("x", "y", "A", "PV", "<a/>")).getDocumentElement(),
                "aplicacion")).isEqualTo("y");
        String basic = Base64.getEncoder().encodeToString("ws-user:ws-pass".getBytes(StandardCharsets.UTF_8));
        assertThat(headers).containsExactly("POST " + SesMessages.PATH + " | text/xml; charset=utf-8 | \"\" | Basic " + basic);
        assertThat(gateway.calls().partner()).isEqualTo("police-portal");
    }

    @Test
    void aCommunicationTheyRefuseIsInvalidWithTheirDescriptionAndOneWithoutALotIsTheirFailure() {
        answer(soap("<n:comunicacionResponse xmlns:n=\"x\"><respuesta><codigoRetorno>10121</codigoRetorno><descripcion>Falta fechaEntrada</descripcion>"
                + "</respuesta></n:comunicacionResponse>"));
        assertThatThrownBy(() -> gateway.submit(SesMessagesTest.registration())).isInstanceOfSatisfying(PartnerException.Invalid.class,
                e -> assertThat(e.reason()).isEqualTo("Falta fechaEntrada (10121)"));
        assertThat(asked).hasSize(1);

        asked.clear();
        answer(soap("<n:comunicacionResponse xmlns:n=\"x\"><respuesta><codigo>0</codigo></respuesta></n:comunicacionResponse>"));
        communicationOk("LOT-2");
        assertThat(gateway.submit(SesMessagesTest.registration())).as("retried: the lot is the second answer's")
                .isEqualTo(SubmissionStatus.submitted("LOT-2"));
        assertThat(asked).hasSize(2);
    }

    @Test
    void credentialsRefusedAreARefusalAndNotRetried() {
        answers.add(new Answer(401, ""));
        assertThatThrownBy(() -> gateway.submit(SesMessagesTest.registration())).isInstanceOfSatisfying(PartnerException.Refused.class,
                e -> assertThat(e.code()).isEqualTo("401"));
        answers.add(new Answer(403, "<html/>"));
        assertThatThrownBy(() -> gateway.status("L")).isInstanceOfSatisfying(PartnerException.Refused.class,
                e -> assertThat(e.code()).isEqualTo("403"));
        assertThat(asked).hasSize(2);
    }

    @Test
    void aClientFaultIsInvalidAndAServerFaultOrAnUnreadableAnswerIsRetried() {
        fault(500, "soap:Client", "Formato incorrecto");
        assertThatThrownBy(() -> gateway.submit(SesMessagesTest.registration())).isInstanceOfSatisfying(PartnerException.Invalid.class,
                e -> assertThat(e.reason()).isEqualTo("Formato incorrecto"));
        assertThat(asked).hasSize(1);

        fault(200, "soap:Client", "Esquema");
        assertThatThrownBy(() -> gateway.submit(SesMessagesTest.registration())).isInstanceOfSatisfying(PartnerException.Invalid.class,
                e -> assertThat(e.reason()).isEqualTo("Esquema"));

        answers.add(new Answer(400, "<x/>"));
        assertThatThrownBy(() -> gateway.submit(SesMessagesTest.registration())).isInstanceOfSatisfying(PartnerException.Invalid.class,
                e -> assertThat(e.reason()).isEqualTo("HTTP 400"));

        asked.clear();
        fault(500, "soap:Server", "Caído");
        communicationOk("LOT-3");
        assertThat(gateway.submit(SesMessagesTest.registration())).isEqualTo(SubmissionStatus.submitted("LOT-3"));
        assertThat(asked).hasSize(2);

        asked.clear();
        answers.add(new Answer(503, "<x/>"));
        answers.add(new Answer(200, "not xml at all"));
        assertThatThrownBy(() -> gateway.submit(SesMessagesTest.registration())).isInstanceOfSatisfying(PartnerException.Unavailable.class,
                e -> assertThat(e.getMessage()).contains("could not be read"));
        assertThat(asked).hasSize(2);

        asked.clear();
        fault(502, "soap:Server", "Caído");
        fault(502, "soap:Server", "Caído");
        assertThatThrownBy(() -> fresh().submit(SesMessagesTest.registration())).isInstanceOfSatisfying(PartnerException.Unavailable.class,
                e -> assertThat(e.getMessage()).isEqualTo("police-portal: the portal failed (HTTP 502): Caído"));
    }

    @Test
    void aServerFaultIsThePortalFailingWhateverItsHttpStatus() {
        fault(200, "soap:Server", "Servicio no disponible");
        communicationOk("LOT-1");
        assertThat(gateway.submit(SesMessagesTest.registration())).isEqualTo(SubmissionStatus.submitted("LOT-1"));
        assertThat(asked).as("retried once, as the portal failing").hasSize(2);

        asked.clear();
        fault(200, "env:Receiver", "Mantenimiento");
        communicationOk("LOT-2");
        assertThat(gateway.submit(SesMessagesTest.registration())).isEqualTo(SubmissionStatus.submitted("LOT-2"));

        fault(500, "env:Sender", "Formato incorrecto");
        assertThatThrownBy(() -> gateway.submit(SesMessagesTest.registration())).isInstanceOf(PartnerException.Invalid.class);
    }

    @Test
    void theStatusOfASubmissionIsItsLotsResult() {
        lot("L1", 1, "COM-1");
        assertThat(gateway.status("L1")).isEqualTo(SubmissionStatus.accepted("L1", "COM-1"));
        assertThat(asked.getFirst().operation()).isEqualTo("consultaLoteRequest");
        assertThat(asked.getFirst().lote()).isEqualTo("L1");

        lot("L1", 5, null);
        assertThat(gateway.status("L1")).isEqualTo(SubmissionStatus.submitted("L1"));
        lot("L1", 2, null);
        assertThat(gateway.status("L1")).isEqualTo(SubmissionStatus.rejected("L1", "rejected (state 2)"));

        answer(soap("<n:consultaLoteResponse xmlns:n=\"x\"><respuesta><codigo>0</codigo></respuesta><resultado><lote>L1</lote><codigoEstado>3</codigoEstado>"
                + "<descEstado>Error</descEstado><resultadoComunicaciones><resultadoComunicacion><orden>1</orden><error>Sin tipo</error>"
                + "</resultadoComunicacion></resultadoComunicaciones></resultado></n:consultaLoteResponse>"));
        assertThat(gateway.status("L1")).isEqualTo(SubmissionStatus.rejected("L1", "Sin tipo"));
        answer(soap("<n:consultaLoteResponse xmlns:n=\"x\"><respuesta><codigo>0</codigo></respuesta><resultado><lote>L1</lote><codigoEstado>6</codigoEstado>"
                + "<descEstado>Tramitado con errores</descEstado></resultado></n:consultaLoteResponse>"));
        assertThat(gateway.status("L1")).isEqualTo(SubmissionStatus.rejected("L1", "Tramitado con errores"));
    }

    @Test
    void aLotTheyDoNotKnowIsARefusalAndAnOddStateTheirFailure() {
        answer(soap("<n:consultaLoteResponse xmlns:n=\"x\"><respuesta><codigo>10404</codigo><descripcion>Lote inexistente</descripcion></respuesta>"
                + "</n:consultaLoteResponse>"));
        assertThatThrownBy(() -> gateway.status("L7")).isInstanceOfSatisfying(PartnerException.Refused.class, e -> {
            assertThat(e.code()).isEqualTo("10404");
            assertThat(e.getMessage()).isEqualTo("police-portal: lot L7: Lote inexistente");
        });
        assertThat(asked).hasSize(1);

        lot("L7", 9, null);
        lot("L7", 9, null);
        assertThatThrownBy(() -> gateway.status("L7")).isInstanceOfSatisfying(PartnerException.Unavailable.class,
                e -> assertThat(e.getMessage()).contains("unknown state 9"));
        lot("L7", 1, null);
        lot("L7", 1, null);
        assertThatThrownBy(() -> fresh().status("L7")).isInstanceOfSatisfying(PartnerException.Unavailable.class,
                e -> assertThat(e.getMessage()).contains("without a communication code"));
    }

    @Test
    void aLotInProcessIsWithdrawnByCancellingTheLot() {
        lot("L1", 4, null);
        cancellation(0);
        assertThat(gateway.withdraw("L1")).isEqualTo(SubmissionStatus.withdrawn("L1"));
        assertThat(operations()).containsExactly("consultaLoteRequest", "anulacionLoteRequest");
        assertThat(asked.get(1).lote()).isEqualTo("L1");
    }

    @Test
    void anAcceptedRegistrationIsWithdrawnByACancellationNamingItsCommunication() {
        lot("L1", 1, "COM-1");
        communicationOk("LOT-B");
        assertThat(gateway.withdraw("L1")).isEqualTo(SubmissionStatus.submitted("LOT-B"));
        assertThat(operations()).containsExactly("consultaLoteRequest", "comunicacionRequest B");
        assertThat(asked.get(1).solicitud()).isEqualTo(SesMessages.cancellationRequest(List.of("COM-1")));
    }

    @Test
    void aRejectedLotNeedsNoWithdrawal() {
        lot("L1", 2, null);
        assertThat(gateway.withdraw("L1")).isEqualTo(SubmissionStatus.rejected("L1", "rejected (state 2)"));
        assertThat(operations()).containsExactly("consultaLoteRequest");
    }

    @Test
    void aLotProcessedWhileItWasCancelledIsWithdrawnAsWhatItBecame() {
        lot("L1", 4, null);
        cancellation(1);
        lot("L1", 1, "COM-1");
        communicationOk("LOT-B");
        assertThat(gateway.withdraw("L1")).isEqualTo(SubmissionStatus.submitted("LOT-B"));
        assertThat(operations()).containsExactly("consultaLoteRequest", "anulacionLoteRequest", "consultaLoteRequest", "comunicacionRequest B");

        asked.clear();
        lot("L2", 4, null);
        cancellation(1);
        lot("L2", 6, null);
        assertThat(gateway.withdraw("L2")).isEqualTo(SubmissionStatus.rejected("L2", "rejected (state 6)"));
        assertThat(operations()).containsExactly("consultaLoteRequest", "anulacionLoteRequest", "consultaLoteRequest");

        lot("L3", 4, null);
        cancellation(7);
        lot("L3", 5, null);
        assertThatThrownBy(() -> gateway.withdraw("L3")).isInstanceOfSatisfying(PartnerException.Refused.class, e -> {
            assertThat(e.code()).isEqualTo("7");
            assertThat(e.getMessage()).isEqualTo("police-portal: cancelling lot L3: desc 7");
        });
    }

    @Test
    void aCorrectionWithdrawsWhatIsInProcessOrRegisteredThenSubmitsAgain() {
        lot("L1", 1, "COM-1");
        lot("L1", 1, "COM-1");
        communicationOk("LOT-B");
        communicationOk("LOT-2");
        assertThat(gateway.resubmit("L1", SesMessagesTest.registration())).isEqualTo(SubmissionStatus.submitted("LOT-2"));
        assertThat(operations()).containsExactly("consultaLoteRequest", "consultaLoteRequest", "comunicacionRequest B", "comunicacionRequest A");

        asked.clear();
        lot("L2", 4, null);
        lot("L2", 4, null);
        cancellation(0);
        communicationOk("LOT-3");
        assertThat(gateway.resubmit("L2", SesMessagesTest.registration())).isEqualTo(SubmissionStatus.submitted("LOT-3"));
        assertThat(operations()).containsExactly("consultaLoteRequest", "consultaLoteRequest", "anulacionLoteRequest", "comunicacionRequest A");

        asked.clear();
        lot("L4", 2, null);
        communicationOk("LOT-5");
        assertThat(gateway.resubmit("L4", SesMessagesTest.registration())).isEqualTo(SubmissionStatus.submitted("LOT-5"));
        assertThat(operations()).as("a rejected lot is left as it is").containsExactly("consultaLoteRequest", "comunicacionRequest A");
    }

    @Test
    void theLotStatusReadsTheRightLotsCommunication() {
        List<SesMessages.LotResult> results = List.of(
                new SesMessages.LotResult("L0", 1, null, List.of(new SesMessages.CommunicationResult(1, "C-0", null, null))),
                new SesMessages.LotResult("L1", 1, null, List.of(new SesMessages.CommunicationResult(1, null, null, null),
                        new SesMessages.CommunicationResult(2, "C-2", null, null))),
                new SesMessages.LotResult("L2", 3, "desc", List.of(new SesMessages.CommunicationResult(1, null, null, null),
                        new SesMessages.CommunicationResult(2, null, "Tipo", "Uno"))));
        assertThat(SesHospedajesPoliceGateway.lotStatus("L1", results)).isEqualTo(SubmissionStatus.accepted("L1", "C-2"));
        assertThat(SesHospedajesPoliceGateway.lotStatus("L2", results)).isEqualTo(SubmissionStatus.rejected("L2", "Tipo: Uno"));
    }
}
