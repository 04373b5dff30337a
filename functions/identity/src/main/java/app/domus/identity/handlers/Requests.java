package app.domus.identity.handlers;

import app.domus.identity.password.PasswordPolicy;
import app.domus.shared.validation.Validated;
import app.domus.shared.validation.Validator;
import java.util.regex.Pattern;

/** The request bodies of the identity endpoints, each checking its own fields. */
final class Requests {
    static final Pattern INVITATION_CODE = Pattern.compile("^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){2}$");
    static final Pattern OTP_OR_RECOVERY = Pattern.compile("^(\\d{6}|[0-9A-Za-z]{4}(-[0-9A-Za-z]{4}){2})$");
    static final Pattern OPAQUE_TOKEN = Pattern.compile("^[A-Za-z0-9_-]{20,100}$");

    private Requests() {}

    record Register(String email, String password, String invitationCode, String displayName) implements Validated {
        @Override
        public void validate(Validator v) {
            v.email("email", email);
            PasswordPolicy.check(v, "password", password, email);
            v.matches("invitationCode", invitationCode, INVITATION_CODE, "must look like XXXX-XXXX-XXXX", true);
            v.text("displayName", displayName, 1, 100, false);
        }
    }

    /** {@code POST /portal/signup}: {@code name} is how the portal greets them and realtors see them. */
    record PortalSignUp(String email, String password, String name) implements Validated {
        @Override
        public void validate(Validator v) {
            v.email("email", email);
            PasswordPolicy.check(v, "password", password, email);
            v.text("name", name, 1, 100, true);
        }
    }

    record VerifyEmail(String token) implements Validated {
        @Override
        public void validate(Validator v) {
            v.matches("token", token, OPAQUE_TOKEN, "is not a verification token", true);
        }
    }

    record Login(String email, String password) implements Validated {
        @Override
        public void validate(Validator v) {
            v.email("email", email);
            if (v.required("password", password)) v.check(PasswordPolicy.withinMaxLength(password), "password", "is too long");
        }
    }

    record MfaCode(String code) implements Validated {
        @Override
        public void validate(Validator v) {
            v.matches("code", code, OTP_OR_RECOVERY, "must be a 6-digit code or a recovery code", true);
        }
    }

    record MfaVerify(String mfaToken, String code) implements Validated {
        @Override
        public void validate(Validator v) {
            v.matches("mfaToken", mfaToken, OPAQUE_TOKEN, "is not a sign-in token", true);
            v.matches("code", code, OTP_OR_RECOVERY, "must be a 6-digit code or a recovery code", true);
        }
    }

    record Refresh(String refreshToken) implements Validated {
        @Override
        public void validate(Validator v) {
            v.matches("refreshToken", refreshToken, OPAQUE_TOKEN, "is not a refresh token", true);
        }
    }

    record ChangePassword(String currentPassword, String newPassword) implements Validated {
        @Override
        public void validate(Validator v) {
            if (v.required("currentPassword", currentPassword)) {
                v.check(PasswordPolicy.withinMaxLength(currentPassword), "currentPassword", "is too long");
            }
            PasswordPolicy.check(v, "newPassword", newPassword, null);
            if (newPassword != null && newPassword.equals(currentPassword)) v.error("newPassword", "must differ from the current password");
        }
    }
}
