package app.domus.local.aws;

import app.domus.local.faults.FaultInjector;
import app.domus.local.faults.FaultInjector.Fault;
import app.domus.local.faults.FaultInjector.Kind;
import app.domus.local.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * In front of an AWS API the local cloud answers itself: asks the {@link FaultInjector} about each call and answers an
 * injected fault with the service's own wire error before the API sees the call, so a refused call changes nothing. One
 * per protocol the emulated services speak: SNS's query protocol ({@code Action}, an {@code ErrorResponse} document), SES
 * v2's REST-JSON (the operation from method and path, the error's name in {@code x-amzn-ErrorType}) and the JSON 1.1 of
 * SSM, KMS and Secrets Manager ({@code X-Amz-Target}, {@code __type}). The codes and statuses are those the services
 * document, so the SDK classifies them as it does on AWS: throttling is retried with its backoff, a 5xx retried too.
 */
public final class FaultInjectingAwsApi implements AwsApi {
    private static final String INJECTED = " (injected by the local cloud)";

    /** How one service names the operation of a call and answers a fault of each kind it takes. */
    interface Wire {
        String operation(AwsRequest request);

        AwsResponse error(Kind kind);
    }

    private final String service;
    private final FaultInjector faults;
    private final Wire wire;
    private final AwsApi inner;

    FaultInjectingAwsApi(String service, FaultInjector faults, Wire wire, AwsApi inner) {
        this.service = service;
        this.faults = faults;
        this.wire = wire;
        this.inner = inner;
    }

    /** SNS: {@code 400 Throttling} (Sender), {@code 500 InternalError} (Receiver). */
    public static FaultInjectingAwsApi sns(FaultInjector faults, AwsApi inner) {
        String namespace = "http://sns.amazonaws.com/doc/2010-03-31/";
        return new FaultInjectingAwsApi("sns", faults, new Wire() {
            @Override
            public String operation(AwsRequest request) {
                return request.formParameters().getOrDefault("Action", "");
            }

            @Override
            public AwsResponse error(Kind kind) {
                boolean throttled = kind == Kind.THROTTLING;
                return AwsResponse.xml(throttled ? 400 : 500, "<ErrorResponse xmlns=\"" + namespace + "\"><Error><Type>"
                        + (throttled ? "Sender" : "Receiver") + "</Type><Code>" + (throttled ? "Throttling" : "InternalError")
                        + "</Code><Message>" + (throttled ? "Rate exceeded" : "Internal error") + INJECTED + "</Message></Error><RequestId>"
                        + UUID.randomUUID() + "</RequestId></ErrorResponse>");
            }
        }, inner);
    }

    /**
     * SES v2: {@code 429 TooManyRequestsException} (its throttling error) and AWS's common {@code 500 InternalFailure}
     * (SES v2 models no server error of its own), named in {@code x-amzn-ErrorType} with a {@code message} body.
     */
    public static FaultInjectingAwsApi ses(FaultInjector faults, AwsApi inner) {
        Map<Kind, JsonError> errors = Map.of(
                Kind.THROTTLING, new JsonError(429, "TooManyRequestsException", "Maximum sending rate exceeded."),
                Kind.SERVER_ERROR, new JsonError(500, "InternalFailure", "The request processing has failed because of an unknown error, exception or failure."));
        return new FaultInjectingAwsApi("ses", faults, new Wire() {
            @Override
            public String operation(AwsRequest request) {
                return sesOperation(request.method(), request.path());
            }

            @Override
            public AwsResponse error(Kind kind) {
                JsonError error = errors.getOrDefault(kind, errors.get(Kind.SERVER_ERROR));
                return AwsResponse.json(error.status(), "application/json", Json.write(Map.of("message", error.message() + INJECTED)))
                        .withHeader("x-amzn-ErrorType", error.type());
            }
        }, inner);
    }

    /** SSM: {@code 400 ThrottlingException}, {@code 500 InternalServerError}. */
    public static FaultInjectingAwsApi ssm(FaultInjector faults, AwsApi inner) {
        return json11("ssm", faults, inner, Map.of(
                Kind.THROTTLING, new JsonError(400, "ThrottlingException", "Rate exceeded"),
                Kind.SERVER_ERROR, new JsonError(500, "InternalServerError", "An error occurred on the server side.")));
    }

    /** KMS: {@code 400 ThrottlingException}, {@code 500 KMSInternalException}, and a key out of reach, {@code 500 KeyUnavailableException}. */
    public static FaultInjectingAwsApi kms(FaultInjector faults, AwsApi inner) {
        return json11("kms", faults, inner, Map.of(
                Kind.THROTTLING, new JsonError(400, "ThrottlingException", "Rate exceeded"),
                Kind.SERVER_ERROR, new JsonError(500, "KMSInternalException", "The request was rejected because an internal exception occurred. The request can be retried."),
                Kind.UNAVAILABLE, new JsonError(500, "KeyUnavailableException", "The request was rejected because the specified KMS key was not available. You can retry the request.")));
    }

    /** Secrets Manager: {@code 400 ThrottlingException}, {@code 500 InternalServiceError}. */
    public static FaultInjectingAwsApi secretsManager(FaultInjector faults, AwsApi inner) {
        return json11("secretsmanager", faults, inner, Map.of(
                Kind.THROTTLING, new JsonError(400, "ThrottlingException", "Rate exceeded"),
                Kind.SERVER_ERROR, new JsonError(500, "InternalServiceError", "An error occurred on the server side.")));
    }

    /** One JSON error: its status, its type (the SDK's exception), its message. */
    record JsonError(int status, String type, String message) {}

    private static FaultInjectingAwsApi json11(String service, FaultInjector faults, AwsApi inner, Map<Kind, JsonError> errors) {
        return new FaultInjectingAwsApi(service, faults, new Wire() {
            @Override
            public String operation(AwsRequest request) {
                return AwsJsonProtocol.operation(request);
            }

            @Override
            public AwsResponse error(Kind kind) {
                JsonError error = errors.getOrDefault(kind, errors.get(Kind.SERVER_ERROR));
                Map<String, String> body = new LinkedHashMap<>();
                body.put("__type", error.type());
                body.put("message", error.message() + INJECTED);
                return new AwsResponse(error.status(), AwsJsonProtocol.CONTENT_TYPE, Json.write(body).getBytes(StandardCharsets.UTF_8))
                        .withHeader("x-amzn-ErrorType", error.type());
            }
        }, inner);
    }

    /** SES v2's operation for a REST call, as its API names it: {@code POST /v2/email/outbound-emails} is SendEmail. */
    static String sesOperation(String method, String path) {
        return switch (method + " " + path) {
            case "POST /v2/email/outbound-emails" -> "SendEmail";
            case "POST /v2/email/outbound-bulk-emails" -> "SendBulkEmail";
            case "GET /v2/email/account" -> "GetAccount";
            default -> "";
        };
    }

    @Override
    public AwsResponse handle(AwsRequest request) throws Exception {
        if (!faults.active() || !request.header(FaultInjector.INTERNAL_CALLER_HEADER).isEmpty()) return inner.handle(request);
        Optional<Fault> fault = faults.decide(service, wire.operation(request));
        if (fault.isEmpty()) return inner.handle(request);
        fault.get().pause();
        return fault.get().kind().fails() ? wire.error(fault.get().kind()) : inner.handle(request);
    }
}
