package app.domus.local.partners;

import app.domus.local.console.Outbox;
import app.domus.local.faults.FaultInjector;
import java.nio.file.Path;

/**
 * What a partner double gets: its port, a directory of its own under the data directory (it survives restarts like
 * everything else), the local cloud's fault switch, and the outbox, for partners whose effect is a message to a person.
 */
public record PartnerDoubleContext(int port, Path dataDirectory, Outbox outbox, FaultInjector faults) {

    public PartnerDoubleContext(int port, Path dataDirectory, Outbox outbox) {
        this(port, dataDirectory, outbox, new FaultInjector());
    }

    /** The double's test-control faults, also switched by the local cloud's fault switch under the double's name. */
    public InjectedFaults injectedFaults(String name) {
        InjectedFaults injected = new InjectedFaults();
        injected.attach(name, faults);
        return injected;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }
}
