package app.domus.local.partners.police;

import app.domus.local.partners.ControlsHandler;
import app.domus.local.partners.InjectedFaults;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The police portal double's test controls under {@code /_double/}: the lots and what they registered, processing the
 * lots in process now (what the ministry's back office does in its own time), and faults on the next calls.
 */
final class PoliceControls extends ControlsHandler {
    static final List<String> CONTROLS = List.of(
            "GET  /_double/                       this overview, the web-service credentials included",
            "GET  /_double/console                an HTML page: the lots with their state and errors",
            "GET  /_double/credentials            {user, password, landlordCode}",
            "GET  /_double/lots                   every lot, oldest first, with its state and per communication its code or error",
            "GET  /_double/lots/{lot}             one lot",
            "POST /_double/lots/process           process every lot in process now (register or reject each communication)",
            "GET  /_double/communications         every registered communication, withdrawn ones marked",
            "POST /_double/faults?kind=error|slow|malformed&count=N&delayMillis=M  the next N calls answer a SOAP fault (500), wait M ms or answer broken XML",
            "GET  /_double/faults, DELETE /_double/faults  pending faults; clear them");

    private final Map<String, String> credentials;
    private final String baseUrl;
    private final RegistrationLedger ledger;
    private final InjectedFaults faults;

    PoliceControls(Map<String, String> credentials, String baseUrl, RegistrationLedger ledger, InjectedFaults faults) {
        this.credentials = credentials;
        this.baseUrl = baseUrl;
        this.ledger = ledger;
        this.faults = faults;
    }

    @Override
    protected List<String> controls() {
        return CONTROLS;
    }

    @Override
    protected Object answer(String method, String[] path, Map<String, String> query) {
        String route = method + " " + String.join("/", path);
        if (method.equals("GET") && path.length == 2 && path[0].equals("lots")) {
            return describe(ledger.lot(path[1]).orElseThrow(() -> new IllegalArgumentException("No lot " + path[1])));
        }
        return switch (route) {
            case "GET " -> Map.of("endpoint", baseUrl + SesSoapApi.PATH, "credentials", credentials, "pendingFaults", faults.pending(), "controls", CONTROLS);
            case "GET credentials" -> credentials;
            case "GET lots" -> ledger.lots().stream().map(this::describe).toList();
            case "POST lots/process" -> Map.of("processed", ledger.processAll());
            case "GET communications" -> ledger.registered();
            case "GET faults" -> faults.pending();
            case "POST faults" -> faults.add(query);
            case "DELETE faults" -> {
                faults.clear();
                yield faults.pending();
            }
            default -> throw new IllegalArgumentException("No control " + route);
        };
    }

    private Map<String, Object> describe(RegistrationLedger.Lot lot) {
        synchronized (ledger) {
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("lote", lot.lot);
            node.put("tipoOperacion", lot.operation);
            node.put("codigoEstado", lot.state);
            node.put("descEstado", lot.stateDescription);
            node.put("submitted", lot.submitted.toString());
            node.put("processed", lot.processed == null ? null : lot.processed.toString());
            node.put("communications", lot.communications.size());
            node.put("results", List.copyOf(lot.results));
            return node;
        }
    }

    @Override
    protected String console() {
        StringBuilder html = new StringBuilder("""
                <!doctype html><html><head><meta charset="utf-8"><title>Police portal double</title>
                <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px}
                form{display:inline}</style></head><body><h1>Police portal double (SES.HOSPEDAJES)</h1>
                <form method="post" action="/_double/lots/process?then=console"><button>Process the lots in process now</button></form>
                <table><tr><th>lote</th><th>operation</th><th>state</th><th>submitted</th><th>results</th></tr>
                """);
        for (RegistrationLedger.Lot lot : ledger.lots().reversed()) {
            Map<String, Object> node = describe(lot);
            html.append("<tr><td>").append(lot.lot).append("</td><td>").append(lot.operation).append("</td><td>").append(node.get("codigoEstado"))
                    .append(' ').append(escape(String.valueOf(node.get("descEstado")))).append("</td><td>").append(lot.submitted).append("</td><td>");
            for (Object result : (List<?>) node.get("results")) html.append(escape(String.valueOf(result))).append("<br>");
            html.append("</td></tr>\n");
        }
        return html.append("</table></body></html>\n").toString();
    }
}
