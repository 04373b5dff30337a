package app.domus.shared.live;

/**
 * The kernel's port for live updates: a context says "send this message to whoever follows topic T" and the
 * WebSocket API (the realtime context) delivers it to the connections subscribed to T. A message should carry
 * the topic's whole current state, so that a lost or repeated one is corrected by the next.
 */
public interface LiveUpdates {
    /** Topic names are {@code <kind>:<id>}, e.g. {@code vote:01JD4S6Q0M8Y5C3V7N2B9X1KAY}. */
    void send(String topic, Object message);
}
