package app.domus.shared.notify;

/** What a notification is about; people choose channels per category. */
public enum Category {
    /** Sign-up, security and invitations: always sent by e-mail, whatever the preferences say. */
    ACCOUNT,
    FAULTS,
    VOTES,
    FINANCE,
    MESSAGES,
    RENTALS,
    LISTINGS,
    /** Meter readings: reminders in a reading period, flagged readings and anomalies for managers. */
    METERS
}
