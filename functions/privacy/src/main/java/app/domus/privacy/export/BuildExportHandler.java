package app.domus.privacy.export;

import app.domus.privacy.PrivacyComponent;
import app.domus.shared.events.EventConsumer;
import app.domus.shared.idempotency.IdempotencyStore;
import java.time.Duration;

/** On {@code PersonalDataExportRequested}: builds the person's ZIP, stores it, e-mails the link (see {@link Exports#build}). */
public class BuildExportHandler extends EventConsumer<ExportEvent> {
    private final Exports exports;

    public BuildExportHandler() {
        this(PrivacyComponent.create());
    }

    private BuildExportHandler(PrivacyComponent wiring) {
        this(wiring.idempotency(), wiring.exports());
    }

    BuildExportHandler(IdempotencyStore idempotency, Exports exports) {
        super(ExportEvent.class, idempotency, ExportEvent.REQUESTED);
        this.exports = exports;
    }

    @Override
    protected Duration inProgressWindow() {
        return Duration.ofMinutes(3);
    }

    @Override
    protected void handle(ExportEvent event) {
        exports.build(event);
    }
}
