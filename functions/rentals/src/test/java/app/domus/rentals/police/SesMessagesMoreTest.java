package app.domus.rentals.police;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every field of SES.HOSPEDAJES's guest form, and the answers' odd shapes. */
class SesMessagesMoreTest {
    private static GuestRegistration.Guest spaniard() {
        return new GuestRegistration.Guest("José", "García", "López", "NIF", "12345678Z", "ABC123456", LocalDate.of(1980, 12, 31), "ESP", "H",
                "Calle \"Mayor\" 1 <bajo>", "28013", "Madrid", "ESP", "jose@example.invalid", "+34600000000");
    }

    @Test
    void writesEveryFieldOfTheContractAndEachGuestInOrder() {
        var registration = new GuestRegistration("0000000042", "RES-9", LocalDate.of(2030, 6, 1), LocalDate.of(2030, 7, 1), null,
                LocalDate.of(2030, 7, 4), 2, false, "EFECT", List.of(spaniard(), spaniard().withDocument("PAS", "P1").withNationality("FRA")));
        String xml = SesMessages.guestsRequest(registration);
        assertThat(xml).contains("<solicitud><codigoEstablecimiento>0000000042</codigoEstablecimiento><comunicacion><contrato>"
                        + "<referencia>RES-9</referencia><fechaContrato>2030-06-01</fechaContrato>"
                        + "<fechaEntrada>2030-07-01T15:00:00</fechaEntrada><fechaSalida>2030-07-04T12:00:00</fechaSalida>"
                        + "<numPersonas>2</numPersonas><numHabitaciones>2</numHabitaciones><internet>false</internet>"
                        + "<pago><tipoPago>EFECT</tipoPago></pago></contrato>")
                .contains("<persona><rol>VI</rol><nombre>José</nombre><apellido1>García</apellido1><apellido2>López</apellido2>"
                        + "<tipoDocumento>NIF</tipoDocumento><numeroDocumento>12345678Z</numeroDocumento><soporteDocumento>ABC123456</soporteDocumento>"
                        + "<fechaNacimiento>1980-12-31</fechaNacimiento><nacionalidad>ESP</nacionalidad><sexo>H</sexo>"
                        + "<direccion><direccion>Calle &quot;Mayor&quot; 1 &lt;bajo&gt;</direccion><codigoPostal>28013</codigoPostal>"
                        + "<nombreMunicipio>Madrid</nombreMunicipio><pais>ESP</pais></direccion>"
                        + "<telefono>+34600000000</telefono><correo>jose@example.invalid</correo></persona>")
                .contains("<tipoDocumento>PAS</tipoDocumento><numeroDocumento>P1</numeroDocumento>")
                .contains("<nacionalidad>FRA</nacionalidad>")
                .endsWith("</persona></comunicacion></solicitud></alt:peticion>");
        assertThat(SesMessages.parse(xml).getElementsByTagNameNS("*", "persona").getLength()).isEqualTo(2);
    }

    @Test
    void leavesOutWhatIsNotKnown() {
        var registration = new GuestRegistration("E1", "R", null, null, LocalTime.of(16, 0), null, 1, true, null,
                List.of(new GuestRegistration.Guest("A", "B", " ", null, null, null, null, null, null, null, null, null, null, null, null)));
        String xml = SesMessages.guestsRequest(registration);
        assertThat(xml).doesNotContain("fechaContrato").doesNotContain("fechaEntrada").doesNotContain("fechaSalida").doesNotContain("tipoPago>")
                .doesNotContain("apellido2").doesNotContain("fechaNacimiento").contains("<pago></pago>").contains("<direccion></direccion>")
                .contains("<internet>true</internet>");
        assertThat(SesMessages.guestsRequest(new GuestRegistration("E1", "R", null, LocalDate.of(2030, 1, 2), LocalTime.of(16, 30), null, 1, true,
                null, List.of()))).contains("<fechaEntrada>2030-01-02T16:30:00</fechaEntrada>").contains("<numPersonas>0</numPersonas>");
    }

    @Test
    void aLotsCommunicationsAreNumberedWhenTheyAreNotAndAResultNeedsItsState() {
        var results = SesMessages.lotResults(SesMessages.parse("""
                <r><resultado><lote> L1 </lote><codigoEstado> 6 </codigoEstado><resultadoComunicaciones>
                <resultadoComunicacion><error>uno</error></resultadoComunicacion>
                <resultadoComunicacion><orden>7</orden><codigoComunicacion>C7</codigoComunicacion></resultadoComunicacion>
                <resultadoComunicacion><error>tres</error></resultadoComunicacion></resultadoComunicaciones></resultado></r>"""));
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.lot()).isEqualTo("L1");
            assertThat(r.stateCode()).isEqualTo(6);
            assertThat(r.stateDescription()).isNull();
            assertThat(r.communications()).containsExactly(new SesMessages.CommunicationResult(1, null, null, "uno"),
                    new SesMessages.CommunicationResult(7, "C7", null, null), new SesMessages.CommunicationResult(3, null, null, "tres"));
        });
        assertThat(SesMessages.lotResults(SesMessages.parse("<r/>"))).isEmpty();
        assertThatThrownBy(() -> SesMessages.lotResults(SesMessages.parse("<r><resultado><lote>L</lote></resultado></r>")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("codigoEstado");
        assertThatThrownBy(() -> SesMessages.answer(SesMessages.parse("<r><respuesta><descripcion>x</descripcion></respuesta></r>")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("codigo");
        assertThat(SesMessages.answer(SesMessages.parse("<r><respuesta><codigo> 0 </codigo><lote>  </lote></respuesta></r>")))
                .isEqualTo(new SesMessages.Answer(0, null, null));
        assertThat(new SesMessages.Answer(1, null, null).ok()).isFalse();
    }

    @Test
    void envelopesCarryWhatTheyName() {
        assertThat(SesMessages.lotQueryEnvelope(List.of("L1", "L2"))).contains("<com:consultaLoteRequest><codigosLote><lote>L1</lote><lote>L2</lote></codigosLote>");
        assertThat(SesMessages.lotCancellationEnvelope("L&1")).contains("<com:anulacionLoteRequest><lote>L&amp;1</lote></com:anulacionLoteRequest>");
        assertThat(SesMessages.envelope("<x/>")).contains("<soapenv:Body><x/></soapenv:Body>").contains("xmlns:com=\"" + SesMessages.SOAP_NAMESPACE + "\"");
        assertThat(SesMessages.unzip(SesMessages.zip("a.xml", "<a>ñ</a>"))).isEqualTo("<a>ñ</a>");
        assertThatThrownBy(() -> SesMessages.parse("<!DOCTYPE r [<!ENTITY x \"y\">]><r>&x;</r>")).isInstanceOf(IllegalArgumentException.class);
        assertThat(SesMessages.text(SesMessages.parse("<r><a>  </a></r>").getDocumentElement(), "a")).isNull();
        assertThat(SesMessages.text(SesMessages.parse("<r><a> v </a></r>").getDocumentElement(), "a")).isEqualTo("v");
        assertThat(SesMessages.first(SesMessages.parse("<r/>").getDocumentElement(), "a")).isNull();
    }
}
