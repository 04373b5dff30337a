package app.domus.local.partners.police;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The portal's lots and the communications they registered. A lot is checked for its form when it arrives (the SOAP
 * answer says so at once) and for its data when it is processed, later: each communication is then registered (a
 * {@code codigoComunicacion}) or refused with SES's kind of error and a reason (a guest without a document number or
 * a nationality, say). A cancellation lot ({@code tipoOperacion} B) withdraws registered communications.
 */
final class RegistrationLedger {
    static final int PROCESSED = 1, REJECTED = 2, IN_PROCESS = 4, PROCESSED_WITH_ERRORS = 6;
    private static final Set<String> DOCUMENT_TYPES = Set.of("NIF", "NIE", "PAS", "OTRO");
    private static final Set<String> SEXES = Set.of("H", "M", "O");
    static final String DATA_ERROR = "Error validación de datos";

    record Result(int order, String code, String errorType, String error) {}

    static final class Lot {
        final String lot;
        final String operation;
        final List<Element> communications;
        final Instant submitted;
        int state = IN_PROCESS;
        String stateDescription = "Lote pendiente de tramitar";
        Instant processed;
        final List<Result> results = new ArrayList<>();

        Lot(String lot, String operation, List<Element> communications, Instant submitted) {
            this.lot = lot;
            this.operation = operation;
            this.communications = communications;
            this.submitted = submitted;
        }
    }

    /** A registered communication: its lot, its reference, whether a later cancellation withdrew it. */
    record Registered(String code, String lot, String reference, int guests, boolean withdrawn) {}

    private final Clock clock;
    private final Map<String, Lot> lots = new LinkedHashMap<>();
    private final Map<String, Registered> registered = new LinkedHashMap<>();

    RegistrationLedger(Clock clock) {
        this.clock = clock;
    }

    synchronized Lot add(String operation, List<Element> communications) {
        Lot lot = new Lot(UUID.randomUUID().toString(), operation, communications, clock.instant());
        lots.put(lot.lot, lot);
        return lot;
    }

    synchronized Optional<Lot> lot(String id) {
        return Optional.ofNullable(lots.get(id));
    }

    synchronized List<Lot> lots() {
        return List.copyOf(lots.values());
    }

    synchronized List<Registered> registered() {
        return List.copyOf(registered.values());
    }

    /** {@code anulacionLote}: true when the lot was still in process and is now cancelled. */
    synchronized boolean cancel(String id) {
        Lot lot = lots.get(id);
        if (lot == null || lot.state != IN_PROCESS) return false;
        lot.state = REJECTED;
        lot.stateDescription = "Lote anulado por el remitente";
        lot.processed = clock.instant();
        return true;
    }

    /** Processes every lot still in process; answers how many. */
    synchronized int processAll() {
        int processed = 0;
        for (Lot lot : lots.values()) {
            if (lot.state == IN_PROCESS) {
                process(lot);
                processed++;
            }
        }
        return processed;
    }

    synchronized void process(String id) {
        Lot lot = lots.get(id);
        if (lot != null && lot.state == IN_PROCESS) process(lot);
    }

    private void process(Lot lot) {
        int order = 0;
        for (Element communication : lot.communications) {
            order++;
            String problem = lot.operation.equals("B") ? cancellationProblem(communication) : guestsProblem(communication);
            if (problem != null) {
                lot.results.add(new Result(order, null, DATA_ERROR, problem));
            } else if (lot.operation.equals("B")) {
                String code = text(communication, "codigoComunicacion");
                Registered was = registered.get(code);
                registered.put(code, new Registered(code, was.lot(), was.reference(), was.guests(), true));
                lot.results.add(new Result(order, code, null, null));
            } else {
                String code = UUID.randomUUID().toString();
                registered.put(code, new Registered(code, lot.lot, text(communication, "referencia"), children(communication, "persona").size(), false));
                lot.results.add(new Result(order, code, null, null));
            }
        }
        long failed = lot.results.stream().filter(r -> r.error() != null).count();
        lot.state = failed == 0 ? PROCESSED : failed == lot.results.size() ? REJECTED : PROCESSED_WITH_ERRORS;
        lot.stateDescription = switch (lot.state) {
            case PROCESSED -> "Lote tramitado correctamente";
            case REJECTED -> "Lote rechazado";
            default -> "Lote tramitado con errores";
        };
        lot.processed = clock.instant();
    }

    private String cancellationProblem(Element communication) {
        String code = text(communication, "codigoComunicacion");
        if (code == null) return "El código de comunicación es obligatorio";
        Registered target = registered.get(code);
        if (target == null) return "No existe una comunicación con el código " + code;
        if (target.withdrawn()) return "La comunicación " + code + " ya está anulada";
        return null;
    }

    /** SES's checks of a guests' registration, the ones the double makes: the first problem, or null. */
    static String guestsProblem(Element communication) {
        Element contract = first(communication, "contrato");
        if (contract == null) return "La comunicación no tiene contrato";
        if (text(contract, "referencia") == null) return "La referencia del contrato es obligatoria";
        LocalDateTime arrival = dateTime(text(contract, "fechaEntrada"));
        LocalDateTime departure = dateTime(text(contract, "fechaSalida"));
        if (arrival == null) return "La fecha de entrada es obligatoria y tiene el formato AAAA-MM-DDThh:mm:ss";
        if (departure != null && !departure.isAfter(arrival)) return "La fecha de salida debe ser posterior a la de entrada";
        List<Element> people = children(communication, "persona");
        if (people.isEmpty()) return "La comunicación debe incluir al menos una persona";
        int order = 0;
        for (Element person : people) {
            order++;
            String who = "Persona " + order + ": ";
            if (text(person, "nombre") == null || text(person, "apellido1") == null) return who + "el nombre y el primer apellido son obligatorios";
            String type = text(person, "tipoDocumento");
            if (type == null) return who + "el tipo de documento es obligatorio";
            if (!DOCUMENT_TYPES.contains(type)) return who + "el tipo de documento " + type + " no existe en el catálogo";
            if (text(person, "numeroDocumento") == null) return who + "el número de documento es obligatorio";
            if ((type.equals("NIF") || type.equals("NIE")) && text(person, "soporteDocumento") == null) {
                return who + "el número de soporte es obligatorio para NIF y NIE";
            }
            String nationality = text(person, "nacionalidad");
            if (nationality == null) return who + "la nacionalidad es obligatoria";
            if (!nationality.matches("[A-Z]{3}")) return who + "la nacionalidad " + nationality + " no es un código ISO 3166-1 alfa-3";
            if (date(text(person, "fechaNacimiento")) == null) return who + "la fecha de nacimiento es obligatoria";
            String sex = text(person, "sexo");
            if (sex != null && !SEXES.contains(sex)) return who + "el sexo " + sex + " no existe en el catálogo";
        }
        return null;
    }

    static String text(Element parent, String localName) {
        Element element = first(parent, localName);
        if (element == null) return null;
        String text = element.getTextContent().trim();
        return text.isEmpty() ? null : text;
    }

    static Element first(Element parent, String localName) {
        NodeList nodes = parent.getElementsByTagNameNS("*", localName);
        return nodes.getLength() == 0 ? null : (Element) nodes.item(0);
    }

    static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getElementsByTagNameNS("*", localName);
        for (int i = 0; i < nodes.getLength(); i++) found.add((Element) nodes.item(i));
        return found;
    }

    private static LocalDateTime dateTime(String text) {
        try {
            return text == null ? null : LocalDateTime.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static LocalDate date(String text) {
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
