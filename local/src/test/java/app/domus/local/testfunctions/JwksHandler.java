package app.domus.local.testfunctions;

import app.domus.shared.config.Env;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.nimbusds.jose.jwk.JWKSet;
import java.util.Map;
import software.amazon.awssdk.services.ssm.SsmClient;

/** Serves the issuer's discovery document and public keys, read from SSM as the platform does. */
public class JwksHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final SsmClient ssm = SsmClient.create();

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String issuer = Env.required("JWT_ISSUER");
        String body;
        if (event.getRawPath().endsWith("openid-configuration")) {
            body = app.domus.local.json.Json.write(Map.of("issuer", issuer, "jwks_uri", issuer + "/.well-known/jwks.json"));
        } else {
            String keys = ssm.getParameter(request -> request.name(Env.required("SIGNING_KEYS_PARAMETER")).withDecryption(true)).parameter().value();
            try {
                body = JWKSet.parse(keys).toPublicJWKSet().toString();
            } catch (java.text.ParseException e) {
                throw new IllegalStateException(e);
            }
        }
        return APIGatewayV2HTTPResponse.builder().withStatusCode(200).withHeaders(Map.of("content-type", "application/json")).withBody(body).build();
    }
}
