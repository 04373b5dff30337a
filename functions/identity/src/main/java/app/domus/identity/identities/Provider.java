package app.domus.identity.identities;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The sign-in providers: Google and Apple speak OpenID Connect (an ID token), Facebook OAuth 2 and its Graph API. */
public enum Provider {
    GOOGLE(true), APPLE(true), FACEBOOK(false);

    private final boolean openIdConnect;

    Provider(boolean openIdConnect) {
        this.openIdConnect = openIdConnect;
    }

    public boolean openIdConnect() { return openIdConnect; }

    /** The name in paths, items and events: {@code google}, {@code apple}, {@code facebook}. */
    public String wire() { return name().toLowerCase(Locale.ROOT); }

    public static Optional<Provider> of(String wire) {
        return Arrays.stream(values()).filter(p -> p.wire().equals(wire)).findFirst();
    }
}
