package app.domus.local.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The local cloud's own endpoints (the console, the local AWS endpoint) hand out tokens and signing keys, so they answer
 * only requests addressed to a loopback name: a web page the developer visits could otherwise reach them through DNS
 * rebinding (its own name resolving to 127.0.0.1), since the browser would send that page's name as {@code Host}.
 */
public final class LoopbackHosts {
    private static final Pattern LOOPBACK = Pattern.compile("(localhost|127\\.0\\.0\\.1|\\[::1])(:\\d{1,5})?");

    private LoopbackHosts() {}

    public static boolean allowed(String host) {
        return host != null && LOOPBACK.matcher(host.strip().toLowerCase(Locale.ROOT)).matches();
    }

    /** Answers 403 and returns false unless the request's {@code Host} is a loopback name. */
    public static boolean admit(HttpExchange exchange) throws IOException {
        if (allowed(exchange.getRequestHeaders().getFirst("Host"))) return true;
        byte[] body = "The local cloud answers requests to localhost or 127.0.0.1 only\n".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(403, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
        return false;
    }
}
