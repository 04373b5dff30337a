package app.domus.realtime.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.shared.testing.MutableClock;
import app.domus.shared.json.Json;
import app.domus.shared.testing.TestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponseV1;
import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class WebSocketAuthorizerHandlerTest {
    private static final String ISSUER = "https://api.domus.test";
    private static final String AUDIENCE = "domus-app";
    private static final String METHOD_ARN = "arn:aws:execute-api:eu-central-1:123456789012:wsapi/dev/$connect";
    private static final RSAKey KEY = generate();
    private static final RSAKey OTHER_KEY = generate();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final AtomicReference<String> keyDocument = new AtomicReference<>(new JWKSet(KEY).toString(false));
    private final WebSocketAuthorizerHandler handler = new WebSocketAuthorizerHandler(
            new AccessTokenVerifier(new PublishedKeys(keyDocument::get), ISSUER, AUDIENCE, clock));

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).keyIDFromThumbprint(true).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String token(RSAKey key, JWSAlgorithm algorithm, UnaryOperator<JWTClaimsSet.Builder> change) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject("USER1")
                .claim("sid", "SESSION1").issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(15))));
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT).keyID(key.getKeyID()).build(),
                change.apply(claims).build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private String validToken() {
        return token(KEY, JWSAlgorithm.RS256, c -> c);
    }

    private IamPolicyResponseV1 authorize(String token) {
        Map<String, String> query = new HashMap<>();
        if (token != null) query.put("token", token);
        APIGatewayCustomAuthorizerEvent event = APIGatewayCustomAuthorizerEvent.builder()
                .withType("REQUEST").withMethodArn(METHOD_ARN).withQueryStringParameters(query).build();
        return handler.handleRequest(event, new TestContext());
    }

    @Test
    void aValidAccessTokenIsAllowedToConnectAndItsUserTravelsOnInTheContext() {
        IamPolicyResponseV1 decision = authorize(validToken());

        assertThat(decision.getPrincipalId()).isEqualTo("USER1");
        assertThat(decision.getContext()).containsEntry("userId", "USER1");
        JsonNode policy = Json.MAPPER.valueToTree(decision.getPolicyDocument());
        assertThat(policy.path("Version").asText()).isEqualTo("2012-10-17");
        assertThat(policy.path("Statement")).singleElement().satisfies(statement -> {
            assertThat(statement.path("Effect").asText()).isEqualTo("Allow");
            assertThat(statement.path("Action").asText()).isEqualTo("execute-api:Invoke");
            assertThat(statement.path("Resource").toString()).contains(METHOD_ARN);
        });
    }

    @Test
    void aTokenSignedByARotatedInKeyIsAcceptedOnceTheParameterPublishesIt() {
        String byNewKey = token(OTHER_KEY, JWSAlgorithm.RS256, c -> c);
        assertThatThrownBy(() -> authorize(byNewKey)).isInstanceOf(Unauthorized.class);

        keyDocument.set(new JWKSet(java.util.List.of(OTHER_KEY, KEY)).toString(false));

        assertThat(authorize(byNewKey).getPrincipalId()).isEqualTo("USER1");
        assertThat(authorize(validToken()).getPrincipalId()).isEqualTo("USER1");
    }

    @Test
    void expiredTokensAreRefusedWith401() {
        String token = validToken();
        clock.advance(Duration.ofMinutes(20));

        assertThatThrownBy(() -> authorize(token)).isInstanceOf(Unauthorized.class).hasMessage("Unauthorized");
    }

    @Test
    void tokensOfAnotherIssuerAudienceOrKeyAreRefused() {
        assertThatThrownBy(() -> authorize(token(KEY, JWSAlgorithm.RS256, c -> c.issuer("https://evil.test"))))
                .isInstanceOf(Unauthorized.class);
        assertThatThrownBy(() -> authorize(token(KEY, JWSAlgorithm.RS256, c -> c.audience("other-app"))))
                .isInstanceOf(Unauthorized.class);
        assertThatThrownBy(() -> authorize(token(OTHER_KEY, JWSAlgorithm.RS256, c -> c))).isInstanceOf(Unauthorized.class);
        assertThatThrownBy(() -> authorize(token(KEY, JWSAlgorithm.RS512, c -> c))).isInstanceOf(Unauthorized.class);
    }

    @Test
    void tokensWithoutSubjectOrExpiryAreRefused() {
        assertThatThrownBy(() -> authorize(token(KEY, JWSAlgorithm.RS256, c -> c.subject(null)))).isInstanceOf(Unauthorized.class);
        assertThatThrownBy(() -> authorize(token(KEY, JWSAlgorithm.RS256, c -> c.expirationTime(null)))).isInstanceOf(Unauthorized.class);
    }

    @Test
    void missingGarbledAndUnsignedTokensAreRefused() {
        String[] parts = validToken().split("\\.");
        String unsigned = "eyJhbGciOiJub25lIn0." + parts[1] + ".";
        String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 4) + "AAAA." + parts[2];

        assertThatThrownBy(() -> authorize(null)).isInstanceOf(Unauthorized.class);
        assertThatThrownBy(() -> authorize("")).isInstanceOf(Unauthorized.class);
        assertThatThrownBy(() -> authorize("not.a.token")).isInstanceOf(Unauthorized.class);
        assertThatThrownBy(() -> authorize(unsigned)).isInstanceOf(Unauthorized.class);
        assertThatThrownBy(() -> authorize(tampered)).isInstanceOf(Unauthorized.class);
    }
}
