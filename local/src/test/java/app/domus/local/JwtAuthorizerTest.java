package app.domus.local;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.local.testing.ApiResponse;
import app.domus.local.testing.LocalCloudClient;
import app.domus.local.testing.LocalCloudExtension;
import app.domus.local.testing.LocalCloudTemplate;
import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The HTTP API's JWT authorizer against the keys the platform serves from its own JWKS route. */
@ExtendWith(LocalCloudExtension.class)
@LocalCloudTemplate("classpath:test-template.yaml")
class JwtAuthorizerTest {

    @Test
    void acceptsAPlatformTokenAndPassesItsClaimsAsApiGatewayDoes(LocalCloudClient cloud) {
        ApiResponse response = cloud.withClaims(Map.of("sub", "user-1", "roles", List.of("manager", "owner"), "mfa", true,
                "org", Map.of("id", "org-1"))).get("/items/1");

        assertThat(response.status()).isEqualTo(200);
        JsonNode claims = response.json().path("claims");
        assertThat(claims.path("sub").asText()).isEqualTo("user-1");
        assertThat(claims.path("roles").asText()).isEqualTo("[manager owner]");
        assertThat(claims.path("mfa").asText()).isEqualTo("true");
        assertThat(claims.path("org").asText()).isEqualTo("{\"id\":\"org-1\"}");
        assertThat(claims.path("iss").asText()).isEqualTo(cloud.httpUrl());
        assertThat(claims.path("aud").asText()).as("a single audience is a plain string in the token").isEqualTo("test-app");
        assertThat(claims.path("exp").asText()).matches("\\d+");
    }

    @Test
    void rejectsARequestWithoutToken(LocalCloudClient cloud) {
        ApiResponse response = cloud.anonymous().get("/items/1");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().path("message").asText()).isEqualTo("Unauthorized");
    }

    @Test
    void rejectsAMalformedToken(LocalCloudClient cloud) {
        assertThat(cloud.withToken("not-a-jwt").get("/items/1").status()).isEqualTo(401);
    }

    @Test
    void rejectsAnExpiredToken(LocalCloudClient cloud) {
        Instant anHourAgo = Instant.now().minusSeconds(3600);
        String token = cloud.cloud().mintToken(Map.of("sub", "user-1", "exp", anHourAgo.getEpochSecond(), "nbf", anHourAgo.minusSeconds(60).getEpochSecond()));

        assertThat(cloud.withToken(token).get("/items/1").status()).isEqualTo(401);
    }

    @Test
    void rejectsATokenForAnotherAudienceOrIssuer(LocalCloudClient cloud) {
        assertThat(cloud.withClaims(Map.of("sub", "user-1", "aud", "other-app")).get("/items/1").status()).isEqualTo(401);
        assertThat(cloud.withClaims(Map.of("sub", "user-1", "iss", "https://attacker.example")).get("/items/1").status()).isEqualTo(401);
    }

    @Test
    void rejectsATokenSignedWithAKeyThePlatformDoesNotPublish(LocalCloudClient cloud) throws Exception {
        RSAKey foreignKey = new RSAKeyGenerator(2048).keyID("foreign").generate();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(cloud.httpUrl()).audience("test-app").subject("user-1")
                .expirationTime(Date.from(Instant.now().plusSeconds(600))).build();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("foreign").build(), claims);
        forged.sign(new RSASSASigner(foreignKey));

        assertThat(cloud.withToken(forged.serialize()).get("/items/1").status()).isEqualTo(401);
    }

    @Test
    void requiresOneOfTheRouteScopes(LocalCloudClient cloud) {
        assertThat(cloud.withClaims(Map.of("sub", "user-1", "scope", "items/read")).post("/admin/items", "{}").status()).isEqualTo(403);

        ApiResponse allowed = cloud.withClaims(Map.of("sub", "user-1", "scope", "items/read items/admin")).post("/admin/items", "{\"name\":\"x\"}");
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.json().path("scopes").toString()).isEqualTo("[\"items/read\",\"items/admin\"]");
        assertThat(allowed.json().path("body").asText()).isEqualTo("{\"name\":\"x\"}");
    }

    @Test
    void servesPublicRoutesWithoutToken(LocalCloudClient cloud) {
        ApiResponse jwks = cloud.anonymous().get("/.well-known/jwks.json");

        assertThat(jwks.status()).isEqualTo(200);
        assertThat(jwks.json().path("keys").get(0).has("d")).as("private part must not be served").isFalse();
    }
}
