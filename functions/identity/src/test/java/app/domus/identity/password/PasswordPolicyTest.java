package app.domus.identity.password;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.shared.validation.Validator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The password policy at its limits: 12 to 128 characters (code points), at least four distinct characters. */
class PasswordPolicyTest {

    private static List<String> problems(String password, String email) {
        Validator v = new Validator();
        PasswordPolicy.check(v, "password", password, email);
        return v.errors().stream().map(e -> e.message()).toList();
    }

    private static String varied(int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) b.append((char) ('a' + i % 26));
        return b.toString();
    }

    @Test
    void twelveToOneHundredTwentyEightCharactersAreAccepted() {
        assertThat(problems(varied(12), null)).isEmpty();
        assertThat(problems(varied(128), null)).isEmpty();
        assertThat(problems(varied(11), null)).containsExactly("must be between 12 and 128 characters");
        assertThat(problems(varied(129), null)).containsExactly("must be between 12 and 128 characters");
    }

    @Test
    void lengthCountsCodePoints() {
        String emoji = "\uD83D\uDE00"; // one character, two UTF-16 units
        String twelve = "abcdefghij" + emoji + emoji;
        assertThat(problems(twelve, null)).isEmpty();
        assertThat(PasswordPolicy.withinMaxLength(varied(126) + emoji + emoji)).isTrue();
        assertThat(PasswordPolicy.withinMaxLength(varied(128))).isTrue();
        assertThat(PasswordPolicy.withinMaxLength(varied(129))).isFalse();
        assertThat(PasswordPolicy.withinMaxLength(varied(127) + emoji + emoji)).isFalse();
    }

    @Test
    void fourDistinctCharactersAreTheLeast() {
        assertThat(problems("abcabcabcabc", null)).containsExactly("is too easy to guess");
        assertThat(problems("abcdabcdabcd", null)).isEmpty();
        assertThat(problems("Password1234", null)).containsExactly("is too easy to guess");
    }

    @Test
    void thePasswordMustNotBeTheEmailAddress() {
        assertThat(problems("Ann.Example@x.io", "ann.example@X.io")).containsExactly("must not be your email address");
        assertThat(problems("Ann.Example@x.io", "someone@x.io")).isEmpty();
    }
}
