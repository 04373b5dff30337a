package app.domus.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.local.http.HttpRoute;
import app.domus.local.http.HttpRoutes;
import app.domus.local.testing.ApiResponse;
import app.domus.local.testing.LocalCloudClient;
import app.domus.local.testing.LocalCloudExtension;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every protected route of template.yaml refuses a missing, expired, forged (signed with another key) or tampered
 * token with 401 before any function runs, exactly as API Gateway's JWT authorizer does; and a valid token gets past.
 */
@ExtendWith(LocalCloudExtension.class)
class AuthorizerSecurityTest {
    private static List<HttpRoute> protectedRoutes;
    private static Map<String, String> badTokens;
    private static String validToken;

    @BeforeAll
    static void tokens(LocalCloudClient cloud) throws Exception {
        protectedRoutes = new HttpRoutes(cloud.cloud().deployment()).all().stream().filter(r -> r.authorizer() != null).toList();
        var owner = cloud.cloud().demoData().account("owner").orElseThrow();
        validToken = cloud.cloud().tokenFor(owner);

        String expired = cloud.cloud().mintToken(Map.of("sub", owner.userId(), "email", owner.email(),
                "exp", Date.from(Instant.now().minusSeconds(120)), "nbf", Date.from(Instant.now().minusSeconds(1200)),
                "iat", Date.from(Instant.now().minusSeconds(1200))));

        RSAKey foreignKey = new RSAKeyGenerator(2048).keyID(SignedJWT.parse(validToken).getHeader().getKeyID()).generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(foreignKey.getKeyID()).build(),
                JWTClaimsSet.parse(SignedJWT.parse(validToken).getJWTClaimsSet().toJSONObject()));
        forged.sign(new RSASSASigner(foreignKey));

        String[] parts = validToken.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace(owner.userId(), cloud.cloud().demoData().account("admin").orElseThrow().userId());
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        badTokens = Map.of("expired", expired, "forged", forged.serialize(), "tampered", tampered, "garbage", "not.a.jwt");
    }

    @Test
    void thereAreProtectedRoutesToCheck() {
        assertThat(protectedRoutes).hasSizeGreaterThan(20);
    }

    @Test
    void everyProtectedRouteRefusesAMissingToken(LocalCloudClient cloud) {
        List<String> let = new ArrayList<>();
        for (HttpRoute route : protectedRoutes) {
            ApiResponse response = cloud.anonymous().send(route.method(), concrete(route.path()), "{}");
            if (response.status() != 401) let.add(route.routeKey() + " -> " + response.status());
        }
        assertThat(let).isEmpty();
    }

    @Test
    void everyProtectedRouteRefusesExpiredForgedAndTamperedTokens(LocalCloudClient cloud) {
        List<String> let = new ArrayList<>();
        for (HttpRoute route : protectedRoutes) {
            badTokens.forEach((kind, token) -> {
                ApiResponse response = cloud.withToken(token).send(route.method(), concrete(route.path()), "{}");
                if (response.status() != 401) let.add(kind + " " + route.routeKey() + " -> " + response.status());
            });
        }
        assertThat(let).isEmpty();
    }

    @Test
    void aValidTokenGetsPastTheAuthorizer(LocalCloudClient cloud) {
        ApiResponse me = cloud.withToken(validToken).get("/auth/me");
        assertThat(me.status()).isEqualTo(200);
    }

    private static String concrete(String routePath) {
        return routePath.replaceAll("\\{[^}]+}", "01JD4S6Q0M8Y5C3V7N2B9X1K7V");
    }
}
