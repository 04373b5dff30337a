package app.domus.identity.handlers;

import static app.domus.identity.handlers.IdentityFixture.ISSUER;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.identity.handlers.IdentityFixture.Account;
import app.domus.identity.handlers.IdentityFixture.Response;
import app.domus.identity.keys.KeySetSigningKeys;
import app.domus.identity.tokens.TokenIssuer;
import app.domus.shared.directory.MembershipItem;
import app.domus.shared.directory.Role;
import app.domus.shared.testing.HttpEvents;
import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeAndDiscoveryTest {
    private final IdentityFixture fx = new IdentityFixture();

    @Test
    void meShowsTheCallerAndTheirMemberships() {
        IdentityFixture.Invitation invitation = fx.invitation();
        Response registered = fx.call(fx.registerHandler, IdentityFixture.post("/auth/register", IdentityFixture.body(
                "email", "paul@example.test", "password", IdentityFixture.PASSWORD, "invitationCode", invitation.code(),
                "displayName", "Paul Weber"))).assertStatus(201);
        String userId = registered.text("userId");
        fx.table.of(MembershipItem.class).putItem(MembershipItem.of(userId, "ORG2", Role.ORG_ADMIN, null, null,
                fx.clock.instant().toString()));

        Response r = fx.call(fx.meHandler, fx.as(registered.text("token"), HttpEvents.request("GET", "/auth/me")))
                .assertStatus(200);

        JsonNode me = r.json();
        assertThat(me.path("userId").asText()).isEqualTo(userId);
        assertThat(me.path("email").asText()).isEqualTo("paul@example.test");
        assertThat(me.path("displayName").asText()).isEqualTo("Paul Weber");
        assertThat(me.path("mfaEnabled").asBoolean(true)).isFalse();
        assertThat(me.toString()).doesNotContain("passwordHash").doesNotContain("argon2");
        JsonNode memberships = me.path("memberships");
        assertThat(memberships).hasSize(2);
        JsonNode owner = find(memberships, invitation.organisationId());
        assertThat(owner.path("role").asText()).isEqualTo("owner");
        assertThat(owner.path("buildingId").asText()).isEqualTo(invitation.buildingId());
        assertThat(owner.path("unitId").asText()).isEqualTo(invitation.unitId());
        JsonNode admin = find(memberships, "ORG2");
        assertThat(admin.path("role").asText()).isEqualTo("org_admin");
        assertThat(admin.has("buildingId")).isFalse();
    }

    @Test
    void meShowsOnlyTheCallersOwnAccount() {
        Account a = fx.signUp("a@example.test");
        Account b = fx.signUp("b@example.test");

        assertThat(fx.call(fx.meHandler, fx.as(a.accessToken(), HttpEvents.request("GET", "/auth/me"))).json()
                .path("email").asText()).isEqualTo("a@example.test");
        assertThat(fx.call(fx.meHandler, fx.as(b.accessToken(), HttpEvents.request("GET", "/auth/me"))).json()
                .path("email").asText()).isEqualTo("b@example.test");
    }

    @Test
    void jwksPublishesOnlyPublicKeysThatVerifyIssuedTokens() throws Exception {
        Account account = fx.signUp("keys@example.test");

        Response r = fx.call(fx.jwksHandler, HttpEvents.request("GET", "/.well-known/jwks.json")).assertStatus(200);

        assertThat(r.header("Cache-Control")).contains("public");
        JsonNode keys = r.json().path("keys");
        assertThat(keys).isNotEmpty();
        for (JsonNode key : keys) {
            assertThat(key.path("kty").asText()).isEqualTo("RSA");
            assertThat(key.path("kid").asText()).isNotBlank();
            assertThat(key.has("n")).isTrue();
            assertThat(key.has("e")).isTrue();
            assertThat(key.has("d")).as("private exponent published").isFalse();
            assertThat(key.has("p") || key.has("q") || key.has("dp") || key.has("dq") || key.has("qi")).isFalse();
        }
        JWKSet published = JWKSet.parse(r.body());
        SignedJWT token = SignedJWT.parse(account.accessToken());
        JWK key = published.getKeyByKeyId(token.getHeader().getKeyID());
        assertThat(key).isNotNull();
        assertThat(key.isPrivate()).isFalse();
        assertThat(token.verify(new RSASSAVerifier(key.toRSAKey()))).isTrue();
    }

    @Test
    void jwksPublishesEveryKeyOfARotationAndTheFirstOneSigns() throws Exception {
        RSAKey current = KeySetSigningKeys.generateKey();
        RSAKey next = KeySetSigningKeys.generateKey();
        String document = new JWKSet(List.of(current, next)).toString(false);
        KeySetSigningKeys keys = new KeySetSigningKeys(() -> document);

        Response r = fx.call(new JwksHandler(keys), HttpEvents.request("GET", "/.well-known/jwks.json")).assertStatus(200);

        JWKSet published = JWKSet.parse(r.body());
        assertThat(published.getKeys()).extracting(JWK::getKeyID).containsExactly(current.getKeyID(), next.getKeyID());
        assertThat(published.getKeys()).noneMatch(JWK::isPrivate);
        assertThat(r.body()).doesNotContain("\"d\"");
        String token = new TokenIssuer(keys, fx.clock, ISSUER, IdentityFixture.AUDIENCE).accessToken("u1", "u1@example.test", false, "s1");
        assertThat(SignedJWT.parse(token).getHeader().getKeyID()).isEqualTo(current.getKeyID());
    }

    @Test
    void openIdConfigurationPointsAtTheIssuersJwks() {
        Response r = fx.call(fx.openIdHandler, HttpEvents.request("GET", "/.well-known/openid-configuration")).assertStatus(200);

        assertThat(r.text("issuer")).isEqualTo(ISSUER);
        assertThat(r.text("jwks_uri")).isEqualTo(ISSUER + "/.well-known/jwks.json");
        assertThat(r.json().path("id_token_signing_alg_values_supported").toString()).contains("RS256");
    }

    private static JsonNode find(JsonNode memberships, String organisationId) {
        for (JsonNode m : memberships) if (m.path("organisationId").asText().equals(organisationId)) return m;
        throw new AssertionError("no membership in " + organisationId + ": " + memberships);
    }
}
