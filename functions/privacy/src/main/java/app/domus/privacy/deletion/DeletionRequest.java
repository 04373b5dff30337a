package app.domus.privacy.deletion;

import app.domus.shared.validation.Validated;
import app.domus.shared.validation.Validator;

/**
 * {@code POST /me/deletion} body: {@code password}, the account's current one; an account without a password (signed
 * in with Google, Apple or Facebook only) sends none and must have signed in within the last 10 minutes.
 */
public record DeletionRequest(String password) implements Validated {
    @Override
    public void validate(Validator v) {
        v.check(password == null || password.length() <= 1024, "password", "must be at most 1024 characters");
    }
}
