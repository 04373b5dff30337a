package app.domus.identity;

import app.domus.shared.directory.UserItem;

/** The user as sign-in responses and {@code GET /auth/me} show them. */
public record UserView(String userId, String email, String displayName, boolean mfaEnabled, boolean emailVerified) {
    public static UserView of(UserItem user) {
        return new UserView(user.getId(), user.getEmail(), user.getDisplayName(), user.mfaOn(), user.emailVerified());
    }
}
