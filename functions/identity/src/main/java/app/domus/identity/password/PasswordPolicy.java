package app.domus.identity.password;

import app.domus.shared.validation.Validator;
import java.util.Locale;
import java.util.Set;

/**
 * NIST SP 800-63B style: length matters, composition rules do not. 12 to 128 characters, not the e-mail
 * address, not one of the passwords attackers try first.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    private static final Set<String> COMMON = Set.of(
            "123456789012", "password1234", "passwordpassword", "qwertyuiop12", "111111111111", "iloveyou1234",
            "adminadmin12", "welcome12345", "letmein12345", "changeme1234", "domusdomus12", "abc123456789");

    private PasswordPolicy() {}

    /** Length is counted in characters (code points), as the policy counts it at registration. */
    public static boolean withinMaxLength(String password) {
        return password.codePointCount(0, password.length()) <= MAX_LENGTH;
    }

    public static void check(Validator v, String field, String password, String email) {
        if (!v.required(field, password)) return;
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            v.error(field, "must be between " + MIN_LENGTH + " and " + MAX_LENGTH + " characters");
            return;
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower) || lower.chars().distinct().count() < 4) v.error(field, "is too easy to guess");
        if (email != null && lower.equals(email.toLowerCase(Locale.ROOT))) v.error(field, "must not be your email address");
    }
}
