package app.domus.identity.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.identity.handlers.IdentityFixture.Response;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.testing.HttpEvents;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Without the authorizer's claims (or without a subject in them) no signed-in endpoint does anything. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProtectedEndpointsTest {
    private final IdentityFixture fx = new IdentityFixture();

    Stream<Arguments> endpoints() {
        return Stream.of(
                Arguments.of("GET /auth/me", fx.meHandler, "GET", "/auth/me", null),
                Arguments.of("GET /auth/sessions", fx.sessionsHandler, "GET", "/auth/sessions", null),
                Arguments.of("POST /auth/logout", fx.logoutHandler, "POST", "/auth/logout", null),
                Arguments.of("POST /auth/logout-all", fx.logoutAllHandler, "POST", "/auth/logout-all", null),
                Arguments.of("POST /auth/mfa/setup", fx.mfaSetupHandler, "POST", "/auth/mfa/setup", null),
                Arguments.of("POST /auth/mfa/enable", fx.mfaEnableHandler, "POST", "/auth/mfa/enable", "{\"code\":\"123456\"}"),
                Arguments.of("POST /auth/mfa/disable", fx.mfaDisableHandler, "POST", "/auth/mfa/disable", "{\"code\":\"123456\"}"),
                Arguments.of("POST /auth/password", fx.changePasswordHandler, "POST", "/auth/password",
                        "{\"currentPassword\":\"correct horse battery staple\",\"newPassword\":\"another long passphrase\"}"));
    }

    @ParameterizedTest(name = "{0} without claims")
    @MethodSource("endpoints")
    void withoutClaimsTheAnswerIsUnauthorized(String name, HttpHandler handler, String method, String path, String body) {
        Set<String> before = fx.snapshot();

        Response r = fx.call(handler, HttpEvents.request(method, path).body(body));

        r.assertProblem(401, "unauthorized");
        assertThat(fx.snapshot()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} with claims that name no subject")
    @MethodSource("endpoints")
    void claimsWithoutASubjectAreUnauthorized(String name, HttpHandler handler, String method, String path, String body) {
        Response r = fx.call(handler, HttpEvents.request(method, path).body(body)
                .claims(Map.of("email", "someone@example.test", "sid", "s1")));

        r.assertProblem(401, "unauthorized");
    }
}
