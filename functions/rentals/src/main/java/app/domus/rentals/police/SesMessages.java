package app.domus.rentals.police;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The messages of SES.HOSPEDAJES's web service (Spain's Ministry of the Interior, RD 933/2021), as its public
 * descriptions and the integrations built on it show them: one SOAP 1.1 endpoint
 * ({@code /hospedajes-web/ws/v1/comunicacion}, namespace {@value #SOAP_NAMESPACE}) with the operations
 * {@code comunicacion} (a {@code cabecera} saying who sends what: {@code codigoArrendador}, {@code aplicacion},
 * {@code tipoOperacion} A for a new one or B for a cancellation, {@code tipoComunicacion} PV for guests, and a
 * {@code solicitud}: the request's XML, zipped, in Base64), {@code consultaLote} (a lot's state:
 * {@code codigoEstado} 1 processed, 2 rejected, 3 error, 4 and 5 in process, 6 processed with errors, and per
 * communication its {@code codigoComunicacion} or its {@code tipoError} and {@code error}) and {@code anulacionLote}
 * (cancels a lot not yet processed). Every answer has a {@code respuesta} with {@code codigo} (0 is success) and
 * {@code descripcion}. The portal has no modification: a correction is a cancellation and a new registration.
 *
 * <p>Not validated against the
 * ministry's XSDs, which are not public in a form this build can fetch: elements follow their published names.
 */
public final class SesMessages {
    public static final String SOAP_ENVELOPE = "http://schemas.xmlsoap.org/soap/envelope/";
    public static final String SOAP_NAMESPACE = "http://www.soap.servicios.hospedajes.mir.es/comunicacion";
    public static final String GUESTS_NAMESPACE = "http://www.neg.hospedajes.mir.es/altaParteHospedaje";
    public static final String CANCELLATION_NAMESPACE = "http://www.neg.hospedajes.mir.es/anularComunicacion";
    public static final String PATH = "/hospedajes-web/ws/v1/comunicacion";
    /** {@code tipoOperacion}: a new communication, a cancellation. */
    public static final String NEW = "A", CANCEL = "B";
    /** {@code tipoComunicacion} of a guests' registration ({@code partes de viajeros}). */
    public static final String GUESTS = "PV";

    /** A lot's {@code resultado} in a {@code consultaLoteResponse}. */
    public record LotResult(String lot, int stateCode, String stateDescription, List<CommunicationResult> communications) {}

    /** One communication of a lot: its code when registered, else the error. */
    public record CommunicationResult(int order, String code, String errorType, String error) {}

    /** A {@code respuesta}: {@code codigo} 0 is success. */
    public record Answer(int code, String description, String lot) {
        public boolean ok() {
            return code == 0;
        }
    }

    private SesMessages() {}

    /** The {@code altaParteHospedaje} request for one stay's guests. */
    public static String guestsRequest(GuestRegistration registration) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<alt:peticion xmlns:alt=\"" + GUESTS_NAMESPACE + "\">")
                .append("<solicitud>");
        element(xml, "codigoEstablecimiento", registration.establishmentCode());
        xml.append("<comunicacion><contrato>");
        element(xml, "referencia", registration.reference());
        element(xml, "fechaContrato", date(registration.contractDate()));
        LocalTime arrivalTime = registration.arrivalTime() == null ? LocalTime.of(15, 0) : registration.arrivalTime();
        element(xml, "fechaEntrada", registration.arrival() == null ? null : registration.arrival().atTime(arrivalTime).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
        element(xml, "fechaSalida", registration.departure() == null ? null : registration.departure().atTime(12, 0).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
        element(xml, "numPersonas", String.valueOf(registration.guests().size()));
        element(xml, "numHabitaciones", String.valueOf(registration.rooms()));
        element(xml, "internet", String.valueOf(registration.internet()));
        xml.append("<pago>");
        element(xml, "tipoPago", registration.paymentType());
        xml.append("</pago></contrato>");
        for (GuestRegistration.Guest guest : registration.guests()) {
            xml.append("<persona>");
            element(xml, "rol", "VI");
            element(xml, "nombre", guest.firstName());
            element(xml, "apellido1", guest.lastName1());
            element(xml, "apellido2", guest.lastName2());
            element(xml, "tipoDocumento", guest.documentType());
            element(xml, "numeroDocumento", guest.documentNumber());
            element(xml, "soporteDocumento", guest.documentSupport());
            element(xml, "fechaNacimiento", date(guest.birthDate()));
            element(xml, "nacionalidad", guest.nationality());
            element(xml, "sexo", guest.sex());
            xml.append("<direccion>");
            element(xml, "direccion", guest.address());
            element(xml, "codigoPostal", guest.postalCode());
            element(xml, "nombreMunicipio", guest.municipality());
            element(xml, "pais", guest.country());
            xml.append("</direccion>");
            element(xml, "telefono", guest.phone());
            element(xml, "correo", guest.email());
            xml.append("</persona>");
        }
        return xml.append("</comunicacion></solicitud></alt:peticion>").toString();
    }

    /** The {@code anularComunicacion} request withdrawing registered communications. */
    public static String cancellationRequest(List<String> communicationCodes) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<anu:peticion xmlns:anu=\"" + CANCELLATION_NAMESPACE + "\">")
                .append("<solicitud>");
        for (String code : communicationCodes) element(xml.append("<comunicacion>"), "codigoComunicacion", code).append("</comunicacion>");
        return xml.append("</solicitud></anu:peticion>").toString();
    }

    /** A {@code comunicacionRequest} envelope carrying {@code solicitud} zipped and in Base64. */
    public static String communicationEnvelope(String landlordCode, String application, String operation, String communicationType, String solicitud) {
        StringBuilder body = new StringBuilder("<com:comunicacionRequest><peticion><cabecera>");
        element(body, "codigoArrendador", landlordCode);
        element(body, "aplicacion", application);
        element(body, "tipoOperacion", operation);
        element(body, "tipoComunicacion", communicationType);
        body.append("</cabecera>");
        element(body, "solicitud", Base64.getEncoder().encodeToString(zip("solicitud.xml", solicitud)));
        return envelope(body.append("</peticion></com:comunicacionRequest>").toString());
    }

    public static String lotQueryEnvelope(List<String> lots) {
        StringBuilder body = new StringBuilder("<com:consultaLoteRequest><codigosLote>");
        for (String lot : lots) element(body, "lote", lot);
        return envelope(body.append("</codigosLote></com:consultaLoteRequest>").toString());
    }

    public static String lotCancellationEnvelope(String lot) {
        StringBuilder body = new StringBuilder("<com:anulacionLoteRequest>");
        element(body, "lote", lot);
        return envelope(body.append("</com:anulacionLoteRequest>").toString());
    }

    public static String envelope(String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<soapenv:Envelope xmlns:soapenv=\"" + SOAP_ENVELOPE + "\" xmlns:com=\"" + SOAP_NAMESPACE
                + "\"><soapenv:Header/><soapenv:Body>" + body + "</soapenv:Body></soapenv:Envelope>";
    }

    /** The {@code respuesta} of any answer; {@code codigoRetorno} is read as {@code codigo}, as some answers name it. */
    public static Answer answer(Document document) {
        Element respuesta = first(document.getDocumentElement(), "respuesta");
        if (respuesta == null) throw new IllegalArgumentException("no respuesta in the answer");
        String code = text(respuesta, "codigo");
        if (code == null) code = text(respuesta, "codigoRetorno");
        if (code == null) throw new IllegalArgumentException("no codigo in the respuesta");
        return new Answer(Integer.parseInt(code.trim()), text(respuesta, "descripcion"), text(respuesta, "lote"));
    }

    /** The {@code resultado}s of a {@code consultaLoteResponse}. */
    public static List<LotResult> lotResults(Document document) {
        List<LotResult> results = new ArrayList<>();
        NodeList resultados = document.getElementsByTagNameNS("*", "resultado");
        for (int i = 0; i < resultados.getLength(); i++) {
            Element resultado = (Element) resultados.item(i);
            List<CommunicationResult> communications = new ArrayList<>();
            // "resutadoComunicacion" too: the ministry's own answers have been seen with that misspelling.
            for (String name : List.of("resultadoComunicacion", "resutadoComunicacion")) {
                NodeList items = resultado.getElementsByTagNameNS("*", name);
                for (int j = 0; j < items.getLength(); j++) {
                    Element item = (Element) items.item(j);
                    String order = text(item, "orden");
                    communications.add(new CommunicationResult(order == null ? communications.size() + 1 : Integer.parseInt(order.trim()),
                            text(item, "codigoComunicacion"), text(item, "tipoError"), text(item, "error")));
                }
            }
            String state = text(resultado, "codigoEstado");
            if (state == null) throw new IllegalArgumentException("no codigoEstado in the resultado");
            results.add(new LotResult(text(resultado, "lote"), Integer.parseInt(state.trim()), text(resultado, "descEstado"), communications));
        }
        return results;
    }

    /** Parses XML without DTDs or external entities. */
    public static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalArgumentException("not XML: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of the first descendant named {@code localName} (any namespace), trimmed; null when absent or empty. */
    public static String text(Element parent, String localName) {
        Element element = first(parent, localName);
        if (element == null) return null;
        String text = element.getTextContent().trim();
        return text.isEmpty() ? null : text;
    }

    public static Element first(Element parent, String localName) {
        NodeList nodes = parent.getElementsByTagNameNS("*", localName);
        return nodes.getLength() == 0 ? null : (Element) nodes.item(0);
    }

    public static byte[] zip(String name, String content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The first entry of a zip, as text; a {@code solicitud} that is not one is an {@link IllegalArgumentException}. */
    public static String unzip(byte[] zipped) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(zipped))) {
            if (zip.getNextEntry() == null) throw new IllegalArgumentException("the solicitud is not a zip with an entry");
            return new String(zip.readNBytes(1_000_000), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("the solicitud is not a zip: " + e.getMessage(), e);
        }
    }

    private static StringBuilder element(StringBuilder xml, String name, String value) {
        if (value == null || value.isBlank()) return xml;
        return xml.append('<').append(name).append('>').append(escape(value)).append("</").append(name).append('>');
    }

    private static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&apos;");
    }
}
