package app.domus.shared.directory;

import java.util.Locale;

/** What an owner may hand to someone else for one unit. */
public enum DelegatedRight {
    VOTE,
    PAY,
    VIEW_FINANCES,
    REPORT_FAULTS;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
