package app.domus.rentals.locks;

/**
 * A lock as its cloud last saw it.
 *
 * @param online          connected to its cloud (Nuki {@code serverState} 0)
 * @param locked          bolt thrown (Nuki {@code state.state} 1)
 * @param batteryCritical its batteries need changing soon
 */
public record LockState(String lockId, String name, boolean online, boolean locked, boolean batteryCritical) {}
