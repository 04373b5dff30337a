package app.domus.rentals.police;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.rentals.partners.PartnerException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** SES.HOSPEDAJES's messages, without a server. */
class SesMessagesTest {
    static GuestRegistration registration() {
        return new GuestRegistration("0000000042", "RES-1", LocalDate.of(2030, 6, 1), LocalDate.of(2030, 7, 1), LocalTime.of(16, 0),
                LocalDate.of(2030, 7, 4), 1, true, "PLATF", List.of(new GuestRegistration.Guest("Ana", "Prueba", "Sintética", "PAS", "X1234567", null,
                LocalDate.of(1990, 1, 2), "DEU", "M", "Hauptstraße 1 & 2", "10115", "Berlin", "DEU", "ana@example.invalid", "+49301234567")));
    }

    @Test
    void writesTheGuestsRegistration() {
        String xml = SesMessages.guestsRequest(registration());
        assertThat(xml).contains("xmlns:alt=\"http://www.neg.hospedajes.mir.es/altaParteHospedaje\"")
                .contains("<codigoEstablecimiento>0000000042</codigoEstablecimiento>")
                .contains("<fechaEntrada>2030-07-01T16:00:00</fechaEntrada><fechaSalida>2030-07-04T12:00:00</fechaSalida>")
                .contains("<numPersonas>1</numPersonas>")
                .contains("<rol>VI</rol><nombre>Ana</nombre>")
                .contains("<tipoDocumento>PAS</tipoDocumento><numeroDocumento>X1234567</numeroDocumento>")
                .contains("<nacionalidad>DEU</nacionalidad>")
                .contains("Hauptstraße 1 &amp; 2")
                .doesNotContain("soporteDocumento");
        assertThat(SesMessages.parse(xml).getDocumentElement().getLocalName()).isEqualTo("peticion");
    }

    @Test
    void carriesTheRequestZippedInBase64UnderAHeader() {
        String solicitud = SesMessages.guestsRequest(registration());
        Document envelope = SesMessages.parse(SesMessages.communicationEnvelope("0000000001", "Domus", "A", "PV", solicitud));
        assertThat(SesMessages.text(envelope.getDocumentElement(), "codigoArrendador")).isEqualTo("0000000001");
        assertThat(SesMessages.text(envelope.getDocumentElement(), "tipoOperacion")).isEqualTo("A");
        assertThat(SesMessages.text(envelope.getDocumentElement(), "tipoComunicacion")).isEqualTo("PV");
        String carried = SesMessages.unzip(Base64.getDecoder().decode(SesMessages.text(envelope.getDocumentElement(), "solicitud")));
        assertThat(carried).isEqualTo(solicitud);
        assertThat(envelope.getDocumentElement().getNamespaceURI()).isEqualTo(SesMessages.SOAP_ENVELOPE);
    }

    @Test
    void readsAnswersWithEitherNameOfTheirCode() {
        SesMessages.Answer ok = SesMessages.answer(SesMessages.parse("""
                <s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><n:comunicacionResponse xmlns:n="x">
                <respuesta><codigoRetorno>0</codigoRetorno><descripcion>Ok</descripcion><lote>L-1</lote></respuesta></n:comunicacionResponse></s:Body></s:Envelope>"""));
        assertThat(ok).isEqualTo(new SesMessages.Answer(0, "Ok", "L-1"));
        assertThat(SesMessages.answer(SesMessages.parse("<r><respuesta><codigo>10111</codigo><descripcion>Formato</descripcion></respuesta></r>")).ok()).isFalse();
        assertThatThrownBy(() -> SesMessages.answer(SesMessages.parse("<r/>"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SesMessages.parse("<r><unclosed></r>")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mapsALotsStateToTheSubmissions() {
        List<SesMessages.LotResult> results = SesMessages.lotResults(SesMessages.parse("""
                <n:consultaLoteResponse xmlns:n="x"><respuesta><codigo>0</codigo></respuesta>
                <resultado><lote>L1</lote><codigoEstado>1</codigoEstado><resultadoComunicaciones>
                  <resultadoComunicacion><orden>1</orden><codigoComunicacion>C-1</codigoComunicacion></resultadoComunicacion></resultadoComunicaciones></resultado>
                <resultado><lote>L2</lote><codigoEstado>6</codigoEstado><descEstado>Lote tramitado con errores</descEstado><resultadoComunicaciones>
                  <resutadoComunicacion><orden>1</orden><tipoError>Error validación de datos</tipoError><error>Falta la nacionalidad</error></resutadoComunicacion></resultadoComunicaciones></resultado>
                <resultado><lote>L3</lote><codigoEstado>4</codigoEstado></resultado>
                </n:consultaLoteResponse>"""));
        assertThat(SesHospedajesPoliceGateway.lotStatus("L1", results)).isEqualTo(SubmissionStatus.accepted("L1", "C-1"));
        assertThat(SesHospedajesPoliceGateway.lotStatus("L2", results))
                .isEqualTo(SubmissionStatus.rejected("L2", "Error validación de datos: Falta la nacionalidad"));
        assertThat(SesHospedajesPoliceGateway.lotStatus("L3", results)).isEqualTo(SubmissionStatus.submitted("L3"));
        assertThatThrownBy(() -> SesHospedajesPoliceGateway.lotStatus("L4", results)).isInstanceOf(PartnerException.Unavailable.class);
    }

    @Test
    void writesACancellationNamingTheCommunications() {
        assertThat(SesMessages.cancellationRequest(List.of("C-1", "C-2")))
                .contains("xmlns:anu=\"http://www.neg.hospedajes.mir.es/anularComunicacion\"")
                .contains("<comunicacion><codigoComunicacion>C-1</codigoComunicacion></comunicacion><comunicacion><codigoComunicacion>C-2</codigoComunicacion></comunicacion>");
    }
}
