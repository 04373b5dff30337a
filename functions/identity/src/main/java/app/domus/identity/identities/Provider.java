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

    /**
     * Whether the provider comes back with a form posted from its own site (Apple's {@code form_post}): the browser
     * sends a cookie on that cross-site POST only if it is {@code SameSite=None} (and so {@code Secure}).
     */
    public boolean postsBack() { return this == APPLE; }

    /** The name in paths, items and events: {@code google}, {@code apple}, {@code facebook}. */
    public String wire() { return name().toLowerCase(Locale.ROOT); }

    public static Optional<Provider> of(String wire) {
        return Arrays.stream(values()).filter(p -> p.wire().equals(wire)).findFirst();
    }
}
