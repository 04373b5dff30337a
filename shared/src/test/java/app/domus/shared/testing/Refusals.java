package app.domus.shared.testing;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.shared.http.ApiException;
import app.domus.shared.http.FieldError;
import app.domus.shared.validation.Validated;
import app.domus.shared.validation.Validator;
import java.util.List;
import java.util.function.Supplier;

/** How a service call or a request body was refused: for the contexts' tests of their services and request bodies. */
public final class Refusals {
    private Refusals() {}

    /** The problem's status, or 200 when the call went through. */
    public static int status(Supplier<?> call) {
        try {
            call.get();
            return 200;
        } catch (ApiException e) {
            return e.type().status();
        }
    }

    /** The first field a 400 names; null when the call went through. */
    public static String field(Supplier<?> call) {
        try {
            call.get();
            return null;
        } catch (ApiException e) {
            assertThat(e.type().status()).as(e.detail()).isEqualTo(400);
            return e.errors().getFirst().field();
        }
    }

    /** What the caller is told: the first field's message, else the problem's detail; null when the call went through. */
    public static String detail(Supplier<?> call) {
        try {
            call.get();
            return null;
        } catch (ApiException e) {
            return e.errors().isEmpty() ? e.detail() : e.errors().getFirst().message();
        }
    }

    /** The fields a request body's validation names, in order. */
    public static List<String> errors(Validated request) {
        Validator v = new Validator();
        request.validate(v);
        return v.errors().stream().map(FieldError::field).toList();
    }
}
