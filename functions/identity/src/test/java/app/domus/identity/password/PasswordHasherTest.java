package app.domus.identity.password;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void hashesAreSaltedArgon2idAndMatchOnlyTheirPassword() {
        String a = hasher.hash("correct horse battery staple");
        String b = hasher.hash("correct horse battery staple");

        assertThat(a).startsWith("$argon2id$").isNotEqualTo(b).doesNotContain("correct horse");
        assertThat(hasher.matches("correct horse battery staple", a)).isTrue();
        assertThat(hasher.matches("correct horse battery staplf", a)).isFalse();
        assertThat(hasher.matches("correct horse battery staple", null)).isFalse();
    }
}
