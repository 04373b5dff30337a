package app.domus.shared.access;

/** What a caller wants to do with an organisation, building or unit. */
public enum Action {
    /** See it and what belongs to it. */
    READ,
    /** Change it or create things under it (buildings, units, ownerships). */
    MANAGE,
    /** Issue invitation codes for it. */
    INVITE,
    /** See a building's ownership shares (the owners' vote weights). */
    VIEW_SHARES
}
