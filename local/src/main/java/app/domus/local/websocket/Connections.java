package app.domus.local.websocket;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The open connections by id: what the {@code @connections} API acts on. */
final class Connections {
    private final Map<String, Connection> open = new ConcurrentHashMap<>();

    void add(Connection connection) {
        open.put(connection.id(), connection);
    }

    Optional<Connection> get(String id) {
        return Optional.ofNullable(open.get(id));
    }

    Optional<Connection> remove(String id) {
        return Optional.ofNullable(open.remove(id));
    }
}
