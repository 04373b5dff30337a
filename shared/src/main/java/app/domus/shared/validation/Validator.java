package app.domus.shared.validation;

import app.domus.shared.http.ApiException;
import app.domus.shared.http.FieldError;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Collects field errors so that a caller hears about every wrong field at once, then throws one 400.
 *
 * <p>Free text is refused when it carries control characters or markup: nothing the platform stores is
 * meant to be rendered as HTML, and refusing it at the edge keeps hostile strings out of every e-mail,
 * push and PDF that later quotes it.
 */
public final class Validator {
    private static final Pattern EMAIL = Pattern.compile(
            "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");
    private static final Pattern HOSTILE = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]|[<>{}`\\\\]|\\$\\{");
    private static final Pattern ID = Pattern.compile("^[A-Za-z0-9_-]{1,64}$");

    private final List<FieldError> errors = new ArrayList<>();

    public Validator error(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    public boolean check(boolean condition, String field, String message) {
        if (!condition) error(field, message);
        return condition;
    }

    public boolean required(String field, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())
                || (value instanceof Collection<?> c && c.isEmpty())) {
            error(field, "is required");
            return false;
        }
        return true;
    }

    /** Human text such as a name or title: trimmed length within bounds, no control characters or markup. */
    public void text(String field, String value, int min, int max, boolean required) {
        if (value == null) {
            if (required) error(field, "is required");
            return;
        }
        String trimmed = value.strip();
        if (required && trimmed.isEmpty()) {
            error(field, "is required");
        } else if (trimmed.codePointCount(0, trimmed.length()) < min || trimmed.codePointCount(0, trimmed.length()) > max) {
            error(field, "must be between " + min + " and " + max + " characters");
        } else if (HOSTILE.matcher(value).find()) {
            error(field, "contains characters that are not allowed");
        }
    }

    public void email(String field, String value) {
        if (!required(field, value)) return;
        if (value.length() > 254 || !EMAIL.matcher(value).matches()) error(field, "must be a valid email address");
    }

    /** An identifier issued by Domus (or a client-chosen key): letters, digits, '-' and '_'. */
    public void id(String field, String value, boolean required) {
        if (value == null) {
            if (required) error(field, "is required");
            return;
        }
        if (!ID.matcher(value).matches()) error(field, "is not a valid identifier");
    }

    public void matches(String field, String value, Pattern pattern, String message, boolean required) {
        if (value == null) {
            if (required) error(field, "is required");
            return;
        }
        if (!pattern.matcher(value).matches()) error(field, message);
    }

    public <E extends Enum<E>> E oneOf(String field, String value, Class<E> type, boolean required) {
        if (value == null) {
            if (required) error(field, "is required");
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value)) return constant;
        }
        List<String> allowed = new ArrayList<>();
        for (E constant : type.getEnumConstants()) allowed.add(constant.name().toLowerCase(Locale.ROOT));
        error(field, "must be one of " + String.join(", ", allowed));
        return null;
    }

    public void range(String field, Number value, long min, long max, boolean required) {
        if (value == null) {
            if (required) error(field, "is required");
            return;
        }
        if (value.doubleValue() < min || value.doubleValue() > max) error(field, "must be between " + min + " and " + max);
    }

    public void size(String field, Collection<?> values, int min, int max) {
        int n = values == null ? 0 : values.size();
        if (n < min || n > max) error(field, "must hold between " + min + " and " + max + " items");
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) throw ApiException.validation(errors);
    }
}
