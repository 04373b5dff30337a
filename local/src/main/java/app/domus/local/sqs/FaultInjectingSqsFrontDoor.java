package app.domus.local.sqs;

import app.domus.local.faults.FaultInjector;
import app.domus.local.faults.FaultInjector.Fault;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;

/**
 * The SQS endpoint the platform calls: a loopback front door that asks the {@link FaultInjector} about each call and
 * forwards the others to ElasticMQ, whose Pekko HTTP server has no place for a handler of ours. An SQS call is named by
 * its {@code X-Amz-Target} ({@code AmazonSQS.SendMessage}, the AWS JSON 1.0 protocol the SDK v2 speaks) or its query
 * {@code Action}; an injected fault is answered as SQS does on the wire, before ElasticMQ sees the call, so nothing is
 * sent or deleted. The local cloud's own calls (the event source pollers, provisioning, redrives) pass.
 */
final class FaultInjectingSqsFrontDoor implements AutoCloseable {
    static final String SERVICE = "sqs";
    private static final String TARGET_PREFIX = "AmazonSQS.";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Headers the JDK client sets itself, or that belong to one hop. */
    private static final Set<String> HOP_HEADERS = Set.of("host", "content-length", "connection", "expect", "upgrade",
            "transfer-encoding", "keep-alive", "te", "trailer", "proxy-connection");

    private final Server server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private FaultInjectingSqsFrontDoor(Server server) {
        this.server = server;
    }

    static FaultInjectingSqsFrontDoor start(InetSocketAddress address, URI elasticMq, FaultInjector faults) throws Exception {
        Server server = new Server(address);
        FaultInjectingSqsFrontDoor door = new FaultInjectingSqsFrontDoor(server);
        server.setHandler(door.new Forwarding(elasticMq, faults));
        server.start();
        return door;
    }

    private final class Forwarding extends Handler.Abstract {
        private final URI elasticMq;
        private final FaultInjector faults;

        Forwarding(URI elasticMq, FaultInjector faults) {
            this.elasticMq = elasticMq;
            this.faults = faults;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            byte[] body;
            try (InputStream in = Content.Source.asInputStream(request)) {
                body = in.readAllBytes();
            }
            if (faults.active() && request.getHeaders().get(FaultInjector.INTERNAL_CALLER_HEADER) == null) {
                String contentType = request.getHeaders().get("Content-Type");
                boolean query = contentType != null && contentType.startsWith("application/x-www-form-urlencoded");
                String operation = operation(request.getHeaders().get("X-Amz-Target"), query ? new String(body, StandardCharsets.UTF_8) : null);
                Optional<Fault> fault = faults.decide(SERVICE, operation);
                if (fault.isPresent()) {
                    fault.get().pause();
                    if (fault.get().kind().fails()) {
                        WireError error = wireError(fault.get().kind(), query);
                        response.setStatus(error.status());
                        response.getHeaders().put("Content-Type", error.contentType());
                        response.getHeaders().put("x-amzn-RequestId", UUID.randomUUID().toString());
                        if (!query) response.getHeaders().put("x-amzn-query-error", error.code() + ";" + error.fault());
                        response.write(true, ByteBuffer.wrap(error.body().getBytes(StandardCharsets.UTF_8)), callback);
                        return true;
                    }
                }
            }
            String target = request.getHttpURI().getPathQuery();
            HttpRequest.Builder forward = HttpRequest.newBuilder(elasticMq.resolve(target == null || target.isEmpty() ? "/" : target))
                    .method(request.getMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            for (HttpField field : request.getHeaders()) {
                if (!HOP_HEADERS.contains(field.getName().toLowerCase(Locale.ROOT))) forward.header(field.getName(), field.getValue());
            }
            HttpResponse<byte[]> answer = client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            response.setStatus(answer.statusCode());
            answer.headers().map().forEach((name, values) -> {
                if (HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT)) || name.startsWith(":")) return;
                values.forEach(value -> response.getHeaders().add(name, value));
            });
            response.write(true, ByteBuffer.wrap(answer.body()), callback);
            return true;
        }
    }

    /** The SQS operation of a call: from its JSON target, else from the query form's {@code Action}. */
    static String operation(String target, String form) {
        if (target != null && target.startsWith(TARGET_PREFIX)) return target.substring(TARGET_PREFIX.length());
        if (form != null) {
            for (String pair : form.split("&")) {
                if (pair.startsWith("Action=")) return URLDecoder.decode(pair.substring("Action=".length()), StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    /** SQS's answer to a call that meets the fault, in the protocol the call came in. */
    record WireError(int status, String contentType, String code, String fault, String body) {}

    static WireError wireError(FaultInjector.Kind kind, boolean query) {
        boolean throttled = kind == FaultInjector.Kind.THROTTLING;
        int status = throttled ? 400 : 500;
        String code = throttled ? "RequestThrottled" : "InternalError";
        String fault = throttled ? "Sender" : "Receiver";
        String message = (throttled ? "Request is throttled." : "We encountered an internal error. Please try again.")
                + " (injected by the local cloud)";
        if (query) {
            return new WireError(status, "text/xml", code, fault, "<ErrorResponse xmlns=\"http://queue.amazonaws.com/doc/2012-11-05/\"><Error><Type>"
                    + fault + "</Type><Code>" + code + "</Code><Message>" + message + "</Message><Detail/></Error><RequestId>"
                    + UUID.randomUUID() + "</RequestId></ErrorResponse>");
        }
        // AWS JSON 1.0: the shape's type, and the query-compatible code the SDK reads from x-amzn-query-error.
        Map<String, String> json = new LinkedHashMap<>();
        json.put("__type", throttled ? "com.amazonaws.sqs#ThrottlingException" : "com.amazonaws.sqs#InternalError");
        json.put("message", message);
        try {
            return new WireError(status, "application/x-amz-json-1.0", code, fault, JSON.writeValueAsString(json));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws Exception {
        server.stop();
        client.close();
    }
}
