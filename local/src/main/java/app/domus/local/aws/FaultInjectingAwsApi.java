package app.domus.local.aws;

import app.domus.local.faults.FaultInjector;
import app.domus.local.faults.FaultInjector.Fault;
import java.util.Optional;
import java.util.UUID;

/**
 * In front of an AWS query-protocol API the local cloud answers itself (SNS): asks the {@link FaultInjector} about each
 * call ({@code Action}) and answers an injected fault with the service's error document, {@code 400 Throttling} or
 * {@code 500 InternalError}, before the API sees the call.
 */
public final class FaultInjectingAwsApi implements AwsApi {
    private final String service;
    private final String namespace;
    private final FaultInjector faults;
    private final AwsApi inner;

    public FaultInjectingAwsApi(String service, String namespace, FaultInjector faults, AwsApi inner) {
        this.service = service;
        this.namespace = namespace;
        this.faults = faults;
        this.inner = inner;
    }

    @Override
    public AwsResponse handle(AwsRequest request) throws Exception {
        if (!faults.active() || !request.header(FaultInjector.INTERNAL_CALLER_HEADER).isEmpty()) return inner.handle(request);
        Optional<Fault> fault = faults.decide(service, request.formParameters().getOrDefault("Action", ""));
        if (fault.isEmpty()) return inner.handle(request);
        fault.get().pause();
        return switch (fault.get().kind()) {
            case LATENCY -> inner.handle(request);
            case THROTTLING -> error(400, "Sender", "Throttling", "Rate exceeded (injected by the local cloud)");
            default -> error(500, "Receiver", "InternalError", "Internal error (injected by the local cloud)");
        };
    }

    private AwsResponse error(int status, String type, String code, String message) {
        return AwsResponse.xml(status, "<ErrorResponse xmlns=\"" + namespace + "\"><Error><Type>" + type + "</Type><Code>" + code
                + "</Code><Message>" + message + "</Message></Error><RequestId>" + UUID.randomUUID() + "</RequestId></ErrorResponse>");
    }
}
