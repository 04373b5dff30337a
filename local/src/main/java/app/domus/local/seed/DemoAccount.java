package app.domus.local.seed;

import java.util.Map;

/**
 * A demo user a newcomer can sign in as.
 *
 * @param key         short handle used by the console and the tests ({@code manager}, {@code tenant}, ...)
 * @param tokenClaims the claims a login token of this user carries (beyond {@code iss}, {@code aud}, {@code exp},
 *                    which the local cloud adds), so tests can call the API as this user without logging in
 */
public record DemoAccount(String key, String role, String displayName, String email, String password, String userId,
                          Map<String, Object> tokenClaims) {}
