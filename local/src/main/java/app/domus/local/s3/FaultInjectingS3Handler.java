package app.domus.local.s3;

import app.domus.local.faults.FaultInjector;
import app.domus.local.faults.FaultInjector.Fault;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.shaded.org.eclipse.jetty.io.Content;
import org.gaul.shaded.org.eclipse.jetty.server.Handler;
import org.gaul.shaded.org.eclipse.jetty.server.Request;
import org.gaul.shaded.org.eclipse.jetty.server.Response;
import org.gaul.shaded.org.eclipse.jetty.server.Server;
import org.gaul.shaded.org.eclipse.jetty.util.Callback;

/**
 * Inside S3Proxy's (shaded) Jetty server, in front of its servlet: asks the {@link FaultInjector} about each S3 call
 * (named as the S3 API names it: {@code PutObject}, {@code GetObject}, ...; the local cloud's own calls pass) and answers
 * an injected fault as S3 does on the wire, {@code 503 SlowDown} or {@code 500 InternalError} with S3's error XML,
 * before S3Proxy sees the call, so nothing is stored.
 */
final class FaultInjectingS3Handler extends Handler.Wrapper {
    static final String SERVICE = "s3";

    private final FaultInjector faults;

    private FaultInjectingS3Handler(FaultInjector faults, Handler inner) {
        super(inner);
        this.faults = faults;
    }

    /**
     * Puts the handler in front of the proxy's own, before it starts. S3Proxy keeps its server to itself (a private
     * field, no hook), so this reaches it by reflection; a newer S3Proxy that renames it fails the local cloud's start
     * loudly here, and the unit test, rather than leaving S3 silently unfaulted.
     */
    static void install(S3Proxy proxy, FaultInjector faults) {
        try {
            Field field = S3Proxy.class.getDeclaredField("server");
            field.setAccessible(true);
            Server server = (Server) field.get(proxy);
            server.setHandler(new FaultInjectingS3Handler(faults, server.getHandler()));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("S3Proxy's Jetty server cannot be wrapped for fault injection", e);
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!faults.active() || request.getHeaders().get(FaultInjector.INTERNAL_CALLER_HEADER) != null
                || request.getMethod().equals("OPTIONS")) {
            return super.handle(request, response, callback);
        }
        String path = request.getHttpURI().getPath();
        String query = request.getHttpURI().getQuery();
        String operation = operation(request.getMethod(), path, query == null ? "" : query,
                request.getHeaders().get("x-amz-copy-source") != null);
        Optional<Fault> fault = faults.decide(SERVICE, operation);
        if (fault.isEmpty()) return super.handle(request, response, callback);
        fault.get().pause();
        if (!fault.get().kind().fails()) return super.handle(request, response, callback);
        WireError error = wireError(fault.get().kind(), path);
        // Read the refused upload to its end first: answering while the client still writes it breaks the connection,
        // and the SDK would see an I/O error instead of S3's answer.
        try (InputStream body = Content.Source.asInputStream(request)) {
            body.transferTo(OutputStream.nullOutputStream());
        }
        response.setStatus(error.status());
        String requestId = UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase(java.util.Locale.ROOT);
        response.getHeaders().put("x-amz-request-id", requestId);
        response.getHeaders().put("Content-Type", "application/xml");
        // A browser's presigned upload reads the error only with CORS headers, as S3 sends them on errors too.
        String origin = request.getHeaders().get("Origin");
        if (origin != null) response.getHeaders().put("Access-Control-Allow-Origin", "*");
        if (request.getMethod().equals("HEAD")) {
            callback.succeeded();
            return true;
        }
        response.write(true, ByteBuffer.wrap(error.body(requestId).getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }

    /** S3's answer to a call that meets the fault. */
    record WireError(int status, String code, String message, String resource) {
        String body(String requestId) {
            return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>" + message
                    + "</Message><Resource>" + xml(resource) + "</Resource><RequestId>" + requestId + "</RequestId></Error>";
        }

        private static String xml(String text) {
            return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        }
    }

    static WireError wireError(FaultInjector.Kind kind, String resource) {
        return kind == FaultInjector.Kind.THROTTLING
                ? new WireError(503, "SlowDown", "Please reduce your request rate. (injected by the local cloud)", resource)
                : new WireError(500, "InternalError", "We encountered an internal error. Please try again. (injected by the local cloud)", resource);
    }

    /** The S3 API operation a path-style request is, as an {@code operations} filter names it. */
    static String operation(String method, String path, String query, boolean copySource) {
        String trimmed = path == null ? "" : path.replaceFirst("^/+", "");
        if (trimmed.isEmpty()) return method.equals("GET") ? "ListBuckets" : method;
        boolean object = trimmed.indexOf('/') >= 0 && trimmed.indexOf('/') < trimmed.length() - 1;
        boolean uploadId = hasParameter(query, "uploadId");
        if (!object) {
            return switch (method) {
                case "GET" -> hasParameter(query, "list-type") ? "ListObjectsV2"
                        : hasParameter(query, "uploads") ? "ListMultipartUploads" : "ListObjects";
                case "PUT" -> "CreateBucket";
                case "HEAD" -> "HeadBucket";
                case "DELETE" -> "DeleteBucket";
                case "POST" -> hasParameter(query, "delete") ? "DeleteObjects" : "PostObject";
                default -> method;
            };
        }
        return switch (method) {
            case "GET" -> uploadId ? "ListParts" : "GetObject";
            case "PUT" -> uploadId ? (copySource ? "UploadPartCopy" : "UploadPart") : copySource ? "CopyObject" : "PutObject";
            case "HEAD" -> "HeadObject";
            case "DELETE" -> uploadId ? "AbortMultipartUpload" : "DeleteObject";
            case "POST" -> hasParameter(query, "uploads") ? "CreateMultipartUpload" : uploadId ? "CompleteMultipartUpload" : "PostObject";
            default -> method;
        };
    }

    private static boolean hasParameter(String query, String name) {
        for (String pair : query.split("&")) {
            if (pair.equals(name) || pair.startsWith(name + "=")) return true;
        }
        return false;
    }
}
