package app.domus.shared.directory;

import java.util.Locale;

/** What a member is to an organisation, and at which scope the role holds. */
public enum Role {
    ORG_ADMIN(Scope.ORGANISATION),
    MANAGER(Scope.BUILDING),
    TECHNICIAN(Scope.BUILDING),
    OWNER(Scope.UNIT),
    TENANT(Scope.UNIT);

    public enum Scope { ORGANISATION, BUILDING, UNIT }

    private final Scope scope;

    Role(Scope scope) {
        this.scope = scope;
    }

    public Scope scope() {
        return scope;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
