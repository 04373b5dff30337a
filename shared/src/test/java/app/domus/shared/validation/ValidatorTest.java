package app.domus.shared.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.shared.http.ApiException;
import app.domus.shared.http.FieldError;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every wrong field is reported at once, each with its message; a valid field adds nothing. */
class ValidatorTest {
    enum Colour { RED, DARK_BLUE }

    private static List<String> errors(java.util.function.Consumer<Validator> checks) {
        Validator v = new Validator();
        checks.accept(v);
        return v.errors().stream().map(e -> e.field() + ": " + e.message()).toList();
    }

    @Test
    void errorsAreCollectedInOrderAndThrownAsOneValidationProblem() {
        Validator v = new Validator();
        assertThat(v.valid()).isTrue();
        v.throwIfInvalid();
        assertThat(v.error("a", "is wrong")).isSameAs(v);
        v.error("b", "is worse");
        assertThat(v.valid()).isFalse();
        assertThat(v.errors()).containsExactly(new FieldError("a", "is wrong"), new FieldError("b", "is worse"));
        assertThatThrownBy(v::throwIfInvalid).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.type()).isEqualTo(app.domus.shared.http.ProblemType.VALIDATION);
            assertThat(e.errors()).containsExactly(new FieldError("a", "is wrong"), new FieldError("b", "is worse"));
        });
    }

    @Test
    void checkAndRequiredReportWhatTheyFind() {
        Validator v = new Validator();
        assertThat(v.check(true, "a", "no")).isTrue();
        assertThat(v.check(false, "b", "must hold")).isFalse();
        assertThat(v.required("c", "x")).isTrue();
        assertThat(v.required("d", null)).isFalse();
        assertThat(v.required("e", " \t")).isFalse();
        assertThat(v.required("f", List.of())).isFalse();
        assertThat(v.required("g", List.of(1))).isTrue();
        assertThat(v.required("h", 0)).isTrue();
        assertThat(v.errors()).extracting(e -> e.field() + ": " + e.message())
                .containsExactly("b: must hold", "d: is required", "e: is required", "f: is required");
    }

    @Test
    void textIsTrimmedMeasuredInCodePointsAndFreeOfMarkup() {
        assertThat(errors(v -> {
            v.text("ok", "  Ann  ", 2, 3, true);
            v.text("optional", null, 2, 3, false);
            v.text("exact", "abc", 3, 3, true);
            v.text("emoji", "😀😀", 2, 2, true);
            v.text("newline", "a\nb\tc", 1, 10, true);
        })).isEmpty();
        assertThat(errors(v -> {
            v.text("missing", null, 1, 3, true);
            v.text("blank", "   ", 1, 3, true);
            v.text("short", " a ", 2, 3, true);
            v.text("long", "abcd", 2, 3, true);
            v.text("tag", "<b>", 1, 10, true);
            v.text("brace", "a}", 1, 10, true);
            v.text("backtick", "`x", 1, 10, true);
            v.text("backslash", "a\\b", 1, 10, true);
            v.text("placeholder", "${jndi}", 1, 10, true);
            v.text("control", "a\u0007b", 1, 10, true);
            v.text("optionalBlank", "  ", 1, 3, false);
        })).containsExactly("missing: is required", "blank: is required", "short: must be between 2 and 3 characters",
                "long: must be between 2 and 3 characters", "tag: contains characters that are not allowed",
                "brace: contains characters that are not allowed", "backtick: contains characters that are not allowed",
                "backslash: contains characters that are not allowed", "placeholder: contains characters that are not allowed",
                "control: contains characters that are not allowed", "optionalBlank: must be between 1 and 3 characters");
        assertThat(errors(v -> v.text("dollar", "$5 {", 1, 10, true))).hasSize(1);
        assertThat(errors(v -> v.text("dollar", "$5", 1, 10, true))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ann@example.com", "a.b+c@mail.example.co.uk", "x@a-b.io"})
    void validAddresses(String email) {
        assertThat(errors(v -> v.email("email", email))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ann", "ann@", "@example.com", "ann@example", "ann@-x.com", "ann smith@example.com", "ann@exa_mple.com"})
    void invalidAddresses(String email) {
        assertThat(errors(v -> v.email("email", email))).containsExactly("email: must be a valid email address");
    }

    @Test
    void anAddressIsRequiredAndAtMost254Characters() {
        assertThat(errors(v -> v.email("email", null))).containsExactly("email: is required");
        String local = "a".repeat(64);
        String longest = local + "@" + "b".repeat(61) + "." + "c".repeat(61) + "." + "d".repeat(61) + ".com";
        assertThat(longest).hasSize(254);
        assertThat(errors(v -> v.email("email", longest))).isEmpty();
        assertThat(errors(v -> v.email("email", longest + "f"))).containsExactly("email: must be a valid email address");
    }

    @Test
    void identifiersAreLettersDigitsDashesAndUnderscoresUpTo64() {
        assertThat(errors(v -> {
            v.id("a", "01HX_ab-9", true);
            v.id("b", "x".repeat(64), true);
            v.id("c", null, false);
        })).isEmpty();
        assertThat(errors(v -> {
            v.id("a", null, true);
            v.id("b", "x".repeat(65), true);
            v.id("c", "a/b", true);
            v.id("d", "", true);
        })).containsExactly("a: is required", "b: is not a valid identifier", "c: is not a valid identifier", "d: is not a valid identifier");
    }

    @Test
    void matchesTakesThePatternAndItsMessage() {
        Pattern period = Pattern.compile("\\d{4}-\\d{2}");
        assertThat(errors(v -> {
            v.matches("a", "2026-12", period, "must be a period", true);
            v.matches("b", null, period, "must be a period", false);
        })).isEmpty();
        assertThat(errors(v -> {
            v.matches("a", "2026-12-01", period, "must be a period", true);
            v.matches("b", null, period, "must be a period", true);
        })).containsExactly("a: must be a period", "b: is required");
    }

    @Test
    void oneOfReadsAnEnumIgnoringCaseAndListsTheChoices() {
        Validator v = new Validator();
        assertThat(v.oneOf("c", "dark_blue", Colour.class, true)).isEqualTo(Colour.DARK_BLUE);
        assertThat(v.oneOf("c", "RED", Colour.class, true)).isEqualTo(Colour.RED);
        assertThat(v.oneOf("c", null, Colour.class, false)).isNull();
        assertThat(v.valid()).isTrue();
        assertThat(v.oneOf("d", "green", Colour.class, true)).isNull();
        assertThat(v.oneOf("e", null, Colour.class, true)).isNull();
        assertThat(v.errors()).extracting(e -> e.field() + ": " + e.message())
                .containsExactly("d: must be one of red, dark_blue", "e: is required");
    }

    @Test
    void rangeIsInclusive() {
        assertThat(errors(v -> {
            v.range("a", 1, 1, 5, true);
            v.range("b", 5, 1, 5, true);
            v.range("c", 2.5, 1, 5, true);
            v.range("d", null, 1, 5, false);
        })).isEmpty();
        assertThat(errors(v -> {
            v.range("a", 0, 1, 5, true);
            v.range("b", 6, 1, 5, true);
            v.range("c", 5.01, 1, 5, true);
            v.range("d", 0.99, 1, 5, true);
            v.range("e", null, 1, 5, true);
        })).containsExactly("a: must be between 1 and 5", "b: must be between 1 and 5", "c: must be between 1 and 5",
                "d: must be between 1 and 5", "e: is required");
    }

    @Test
    void sizeCountsAMissingListAsEmpty() {
        assertThat(errors(v -> {
            v.size("a", List.of(1), 1, 2);
            v.size("b", List.of(1, 2), 1, 2);
            v.size("c", null, 0, 2);
        })).isEmpty();
        assertThat(errors(v -> {
            v.size("a", List.of(), 1, 2);
            v.size("b", List.of(1, 2, 3), 1, 2);
            v.size("c", null, 1, 2);
        })).containsExactly("a: must hold between 1 and 2 items", "b: must hold between 1 and 2 items", "c: must hold between 1 and 2 items");
    }
}
