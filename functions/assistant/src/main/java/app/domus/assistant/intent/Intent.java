package app.domus.assistant.intent;

import java.util.Locale;

/** What a resident's chat turn asks for, as the intent classifier sees it. */
public enum Intent {
    /** A question about the building: its rules, services, times (answered from the building's knowledge). */
    QUESTION,
    /** Something is broken: the answer pre-fills the fault form. */
    REPORT_FAULT,
    /** Fees, invoices, what is owed or paid. */
    PAYMENT_STATUS,
    /** Booking a shared space (a room, the laundry, a parking spot). */
    BOOKING_HELP,
    /** Hello, thanks, goodbye. */
    SMALL_TALK;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
