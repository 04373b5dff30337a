package app.domus.local.partners.stripe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The double's page for people (what Stripe's dashboard and a test card in Stripe.js are to a developer): each
 * PaymentIntent with buttons to charge it with the succeeding or the declining test card, and each event with a button
 * to send it again. The buttons post to the controls with {@code then=console}, which come back here.
 */
final class DoubleConsole {
    private DoubleConsole() {}

    static String page(List<ObjectNode> intents, List<ObjectNode> events) {
        StringBuilder html = new StringBuilder("""
                <!doctype html><html><head><meta charset="utf-8"><title>Stripe double</title>
                <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px}
                form{display:inline}</style></head><body><h1>Stripe double</h1><h2>Payment intents</h2>
                <table><tr><th>id</th><th>amount</th><th>status</th><th>invoice</th><th>charge it</th></tr>
                """);
        for (ObjectNode intent : intents.reversed()) {
            String id = escape(intent.path("id").asText());
            String status = intent.path("status").asText();
            html.append("<tr><td>").append(id).append("</td><td>").append(intent.path("amount").asLong()).append(' ')
                    .append(escape(intent.path("currency").asText().toUpperCase(java.util.Locale.ROOT))).append("</td><td>")
                    .append(escape(status)).append("</td><td>").append(escape(intent.path("metadata").path("invoiceId").asText(""))).append("</td><td>");
            if (status.equals("requires_confirmation") || status.equals("requires_payment_method")) {
                html.append(button("/_double/payment_intents/" + id + "/succeed", "Pay with pm_card_visa"))
                        .append(button("/_double/payment_intents/" + id + "/fail", "Decline (pm_card_chargeDeclined)"));
            }
            html.append("</td></tr>\n");
        }
        html.append("</table><h2>Events</h2><table><tr><th>id</th><th>type</th><th>object</th><th></th></tr>\n");
        for (ObjectNode event : events.reversed()) {
            String id = escape(event.path("id").asText());
            html.append("<tr><td>").append(id).append("</td><td>").append(escape(event.path("type").asText())).append("</td><td>")
                    .append(escape(event.path("data").path("object").path("id").asText())).append("</td><td>")
                    .append(button("/_double/events/" + id + "/resend", "Resend")).append("</td></tr>\n");
        }
        return html.append("</table></body></html>\n").toString();
    }

    private static String button(String action, String label) {
        return "<form method=\"post\" action=\"" + action + "?then=console\"><button>" + escape(label) + "</button></form> ";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
