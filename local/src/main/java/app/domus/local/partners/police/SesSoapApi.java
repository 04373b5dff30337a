package app.domus.local.partners.police;

import app.domus.local.partners.Exchanges;
import app.domus.local.partners.InjectedFaults;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * SES.HOSPEDAJES's web service as the double serves it at {@code /hospedajes-web/ws/v1/comunicacion}: SOAP 1.1, HTTP
 * Basic, the operations {@code comunicacion} (form checked at once: the header, the Base64 zip, the request's XML;
 * data checked when the lot is processed), {@code consultaLote} and {@code anulacionLote}, each answering a
 * {@code respuesta} with {@code codigo} 0 for success. Lots are processed after the settings' delay, or when the test
 * controls say so.
 */
final class SesSoapApi implements HttpHandler {
    static final String PATH = "/hospedajes-web/ws/v1/comunicacion";
    static final String SOAP_NAMESPACE = "http://www.soap.servicios.hospedajes.mir.es/comunicacion";
    static final String GUESTS_NAMESPACE = "http://www.neg.hospedajes.mir.es/altaParteHospedaje";
    static final String CANCELLATION_NAMESPACE = "http://www.neg.hospedajes.mir.es/anularComunicacion";
    static final int BAD_FORMAT = 10111, WRONG_LANDLORD = 10121, NO_SUCH_LOT = 10131, LOT_NOT_CANCELLABLE = 10141;
    private static final int MAX_COMMUNICATIONS = 100;

    private final String basicAuthorization;
    private final String landlordCode;
    private final RegistrationLedger ledger;
    private final InjectedFaults faults;
    private final Duration processingDelay;
    private final ScheduledExecutorService scheduler;

    SesSoapApi(String user, String password, String landlordCode, RegistrationLedger ledger, InjectedFaults faults, Duration processingDelay,
               ScheduledExecutorService scheduler) {
        this.basicAuthorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.landlordCode = landlordCode;
        this.ledger = ledger;
        this.faults = faults;
        this.processingDelay = processingDelay;
        this.scheduler = scheduler;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = Exchanges.body(exchange);
            InjectedFaults.Fault fault = faults.next();
            if (fault != null && fault.kind() == InjectedFaults.Kind.ERROR) {
                Exchanges.send(exchange, 500, "text/xml; charset=utf-8", fault("soap:Server", "Servicio no disponible (injected by the police portal double's test controls)"));
                return;
            }
            if (fault != null && fault.kind() == InjectedFaults.Kind.MALFORMED) {
                Exchanges.send(exchange, 200, "text/xml; charset=utf-8", "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><ns2:comunicacionResp");
                return;
            }
            if (fault != null) InjectedFaults.pause(fault.delayMillis());
            if (!exchange.getRequestMethod().equals("POST") || !exchange.getRequestURI().getPath().equals(PATH)) {
                Exchanges.send(exchange, 404, "text/plain", "Not found");
                return;
            }
            if (!basicAuthorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"hospedajes\"");
                Exchanges.send(exchange, 401, "text/plain", "Unauthorized");
                return;
            }
            Element operation;
            try {
                Element soapBody = RegistrationLedger.first(parse(body.getBytes(StandardCharsets.UTF_8)).getDocumentElement(), "Body");
                operation = soapBody == null ? null : firstChild(soapBody);
            } catch (IllegalArgumentException e) {
                operation = null;
            }
            if (operation == null) {
                Exchanges.send(exchange, 500, "text/xml; charset=utf-8", fault("soap:Client", "El mensaje no es un sobre SOAP válido"));
                return;
            }
            String answer = switch (operation.getLocalName()) {
                case "comunicacionRequest" -> communication(operation);
                case "consultaLoteRequest" -> lotQuery(operation);
                case "anulacionLoteRequest" -> lotCancellation(operation);
                default -> null;
            };
            if (answer == null) {
                Exchanges.send(exchange, 500, "text/xml; charset=utf-8", fault("soap:Client", "Operación desconocida: " + operation.getLocalName()));
                return;
            }
            Exchanges.send(exchange, 200, "text/xml; charset=utf-8", answer);
        }
    }

    private String communication(Element request) {
        String landlord = RegistrationLedger.text(request, "codigoArrendador");
        String operation = RegistrationLedger.text(request, "tipoOperacion");
        String type = RegistrationLedger.text(request, "tipoComunicacion");
        String solicitud = RegistrationLedger.text(request, "solicitud");
        if (landlord == null || RegistrationLedger.text(request, "aplicacion") == null || operation == null || type == null || solicitud == null) {
            return respuesta("comunicacionResponse", BAD_FORMAT, "Formato de solicitud incorrecto: faltan datos de la cabecera o la solicitud", null);
        }
        if (!landlord.equals(landlordCode)) return respuesta("comunicacionResponse", WRONG_LANDLORD, "El código de arrendador no corresponde al usuario", null);
        if (!type.equals("PV")) return respuesta("comunicacionResponse", BAD_FORMAT, "Tipo de comunicación no admitido por este servicio: " + type, null);
        if (!operation.equals("A") && !operation.equals("B")) return respuesta("comunicacionResponse", BAD_FORMAT, "Tipo de operación desconocido: " + operation, null);
        Element peticion;
        try {
            peticion = parse(unzip(Base64.getMimeDecoder().decode(solicitud))).getDocumentElement();
        } catch (IllegalArgumentException e) {
            return respuesta("comunicacionResponse", BAD_FORMAT, "Formato de solicitud incorrecto: la solicitud debe ser un XML comprimido en ZIP y codificado en Base64", null);
        }
        String namespace = operation.equals("A") ? GUESTS_NAMESPACE : CANCELLATION_NAMESPACE;
        if (!"peticion".equals(peticion.getLocalName()) || !namespace.equals(peticion.getNamespaceURI())) {
            return respuesta("comunicacionResponse", BAD_FORMAT, "Formato de solicitud incorrecto: se esperaba peticion en " + namespace, null);
        }
        if (operation.equals("A") && RegistrationLedger.text(peticion, "codigoEstablecimiento") == null) {
            return respuesta("comunicacionResponse", BAD_FORMAT, "Formato de solicitud incorrecto: falta codigoEstablecimiento", null);
        }
        List<Element> communications = RegistrationLedger.children(peticion, "comunicacion");
        if (communications.isEmpty() || communications.size() > MAX_COMMUNICATIONS) {
            return respuesta("comunicacionResponse", BAD_FORMAT, "Formato de solicitud incorrecto: entre 1 y 100 comunicaciones por solicitud", null);
        }
        RegistrationLedger.Lot lot = ledger.add(operation, communications);
        if (processingDelay != null) {
            if (processingDelay.isZero()) ledger.process(lot.lot);
            else scheduler.schedule(() -> ledger.process(lot.lot), processingDelay.toMillis(), TimeUnit.MILLISECONDS);
        }
        return respuesta("comunicacionResponse", 0, "Ok", lot.lot);
    }

    private String lotQuery(Element request) {
        List<Element> lots = RegistrationLedger.children(request, "lote");
        if (lots.isEmpty()) return respuesta("consultaLoteResponse", BAD_FORMAT, "Formato de solicitud incorrecto: falta el lote", null);
        StringBuilder results = new StringBuilder();
        for (Element element : lots) {
            String id = element.getTextContent().trim();
            RegistrationLedger.Lot lot = ledger.lot(id).orElse(null);
            if (lot == null) return respuesta("consultaLoteResponse", NO_SUCH_LOT, "No existe el lote " + id, null);
            synchronized (ledger) {
                results.append("<resultado><lote>").append(lot.lot).append("</lote><tipoComunicacion>PV</tipoComunicacion><codigoEstado>")
                        .append(lot.state).append("</codigoEstado><descEstado>").append(escape(lot.stateDescription)).append("</descEstado>");
                if (lot.processed != null) results.append("<fechaProcesamiento>").append(lot.processed).append("</fechaProcesamiento>");
                results.append("<resultadoComunicaciones>");
                for (RegistrationLedger.Result result : lot.results) {
                    results.append("<resultadoComunicacion><orden>").append(result.order()).append("</orden>");
                    if (result.code() != null) results.append("<codigoComunicacion>").append(result.code()).append("</codigoComunicacion>");
                    if (result.error() != null) {
                        results.append("<tipoError>").append(escape(result.errorType())).append("</tipoError><error>").append(escape(result.error())).append("</error>");
                    }
                    results.append("</resultadoComunicacion>");
                }
                results.append("</resultadoComunicaciones></resultado>");
            }
        }
        return envelope("<ns2:consultaLoteResponse xmlns:ns2=\"" + SOAP_NAMESPACE + "\"><respuesta><codigo>0</codigo><descripcion>Ok</descripcion></respuesta>"
                + results + "</ns2:consultaLoteResponse>");
    }

    private String lotCancellation(Element request) {
        String lot = RegistrationLedger.text(request, "lote");
        if (lot == null) return respuesta("anulacionLoteResponse", BAD_FORMAT, "Formato de solicitud incorrecto: falta el lote", null);
        if (ledger.lot(lot).isEmpty()) return respuesta("anulacionLoteResponse", NO_SUCH_LOT, "No existe el lote " + lot, null);
        return ledger.cancel(lot) ? respuesta("anulacionLoteResponse", 0, "Ok", lot)
                : respuesta("anulacionLoteResponse", LOT_NOT_CANCELLABLE, "El lote " + lot + " ya está tramitado y no se puede anular", null);
    }

    private static String respuesta(String operation, int code, String description, String lot) {
        return envelope("<ns2:" + operation + " xmlns:ns2=\"" + SOAP_NAMESPACE + "\"><respuesta><codigo>" + code + "</codigo><descripcion>"
                + escape(description) + "</descripcion>" + (lot == null ? "" : "<lote>" + lot + "</lote>") + "</respuesta></ns2:" + operation + ">");
    }

    private static String fault(String code, String message) {
        return envelope("<soap:Fault><faultcode>" + code + "</faultcode><faultstring>" + escape(message) + "</faultstring></soap:Fault>");
    }

    private static String envelope(String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                + body + "</soap:Body></soap:Envelope>";
    }

    private static Element firstChild(Element parent) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) return element;
        }
        return null;
    }

    static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new IllegalArgumentException("not XML", e);
        }
    }

    private static byte[] unzip(byte[] zipped) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(zipped))) {
            if (zip.getNextEntry() == null) throw new IllegalArgumentException("no entry");
            return zip.readNBytes(1_000_000);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a zip", e);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
