package app.domus.realtime.auth;

import app.domus.shared.snapstart.Priming;
import app.domus.realtime.RealtimeComponent;
import app.domus.shared.observability.Observability;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponseV1;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket API's REQUEST authorizer on {@code $connect}: browsers cannot set headers on a WebSocket
 * handshake, so the access token comes as the {@code token} query parameter. A valid token is allowed to
 * connect, and its user travels on as the {@code userId} context of every event of the connection.
 */
public class WebSocketAuthorizerHandler implements RequestHandler<APIGatewayCustomAuthorizerEvent, IamPolicyResponseV1>, Priming.Primeable {
    /** SnapStart's hook; kept here because CRaC holds its resources weakly. */
    private final Priming priming = Priming.register(this);

    private static final Logger LOG = LoggerFactory.getLogger(WebSocketAuthorizerHandler.class);

    private final AccessTokenVerifier accessTokens;

    public WebSocketAuthorizerHandler() {
        this(RealtimeComponent.create().accessTokens());
    }

    WebSocketAuthorizerHandler(AccessTokenVerifier accessTokens) {
        this.accessTokens = accessTokens;
    }

    @Override
    public IamPolicyResponseV1 handleRequest(APIGatewayCustomAuthorizerEvent event, Context context) {
        return Observability.invocation(context, Observability.newCorrelationId(), () -> {
            Map<String, String> query = event.getQueryStringParameters();
            String userId;
            try {
                userId = accessTokens.userId(query == null ? null : query.get("token"));
            } catch (Unauthorized e) {
                LOG.info("WebSocket connection refused: no valid access token");
                throw e;
            }
            return IamPolicyResponseV1.builder()
                    .withPrincipalId(userId)
                    .withPolicyDocument(IamPolicyResponseV1.PolicyDocument.builder()
                            .withVersion(IamPolicyResponseV1.VERSION_2012_10_17)
                            .withStatement(List.of(IamPolicyResponseV1.allowStatement(event.getMethodArn())))
                            .build())
                    .withContext(Map.of("userId", userId))
                    .build();
        });
    }

    /** Before the snapshot: the pipeline warmed (a token check needs the published keys, which it fetches on first use). */
    @Override
    public void prime() {
        Priming.warmPipeline();
    }
}
