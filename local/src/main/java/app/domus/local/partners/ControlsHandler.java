package app.domus.local.partners;

import app.domus.local.json.Json;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * A double's test controls under {@code /_double/}: {@code GET /_double/console} is its HTML page, every other control
 * answers JSON, a console button (query {@code then=console}) comes back to the page, and a control that does not
 * exist or is given wrong parameters answers 400 with the list of controls.
 */
public abstract class ControlsHandler implements HttpHandler {

    /** One line per control, for the overview and for a 400. */
    protected abstract List<String> controls();

    protected abstract String console();

    /** The answer to a control; {@code path} is what follows {@code /_double/}, split at slashes. */
    protected abstract Object answer(String method, String[] path, Map<String, String> query);

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Exchanges.body(exchange);
            String[] path = exchange.getRequestURI().getPath().substring("/_double".length()).replaceAll("^/|/$", "").split("/");
            Map<String, String> query = Exchanges.query(exchange);
            String method = exchange.getRequestMethod();
            try {
                if (method.equals("GET") && path.length == 1 && path[0].equals("console")) {
                    Exchanges.send(exchange, 200, "text/html; charset=utf-8", console());
                    return;
                }
                Object answer = answer(method, path, query);
                if ("console".equals(query.get("then"))) {
                    exchange.getResponseHeaders().set("Location", "/_double/console");
                    Exchanges.send(exchange, 303, "text/plain", "");
                    return;
                }
                Exchanges.send(exchange, 200, Json.write(answer));
            } catch (IllegalArgumentException e) {
                Exchanges.send(exchange, 400, Json.write(Map.of("message", String.valueOf(e.getMessage()), "controls", controls())));
            }
        }
    }

    /** Text for HTML. */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
