package app.domus.local.partners;

import app.domus.local.console.Outbox;
import java.nio.file.Path;

/**
 * What a partner double gets: its port, a directory of its own under the data directory (it survives restarts like
 * everything else), and the outbox, for partners whose effect is a message to a person.
 */
public record PartnerDoubleContext(int port, Path dataDirectory, Outbox outbox) {

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }
}
