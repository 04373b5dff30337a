package app.domus.local.console;

import app.domus.local.json.Json;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Every email, SMS and push notification the platform sent, kept in the data directory (one JSON line each) so a
 * restart does not lose the invitation mail a newcomer still has to click.
 */
public final class Outbox {
    private static final ObjectMapper MAPPER = Json.MAPPER.copy().registerModule(new JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final Path file;
    private final List<OutboxMessage> messages = new ArrayList<>();
    private final List<java.util.function.Consumer<OutboxMessage>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public Outbox(Path file) {
        this.file = file;
        if (Files.exists(file)) {
            try {
                dropTornLastLine(file);
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) messages.add(MAPPER.readValue(line, OutboxMessage.class));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the outbox at " + file, e);
            }
        }
    }

    /**
     * Every message is written as one line ending in a newline; a file that does not end in one was cut short by a
     * process killed while appending (that message's send never returned). The torn line is cut off, so that the next
     * message starts a line of its own rather than being glued to it.
     */
    private static void dropTornLastLine(Path file) throws IOException {
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            long end = size;
            java.nio.ByteBuffer one = java.nio.ByteBuffer.allocate(1);
            while (end > 0) {
                one.clear();
                channel.read(one, end - 1);
                if (one.get(0) == '\n') break;
                end--;
            }
            if (end < size) {
                channel.truncate(end);
                System.err.println("[outbox] cut off the torn last line of " + file + " (the process stopped while writing it)");
            }
        }
    }

    /** Told of each message as it is added (for the console's live views). */
    public void onAdd(java.util.function.Consumer<OutboxMessage> listener) {
        listeners.add(listener);
    }

    public void add(OutboxMessage message) {
        synchronized (this) {
            messages.add(message);
            try {
                Files.writeString(file, MAPPER.writeValueAsString(message) + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (var listener : listeners) listener.accept(message);
        System.out.println("[outbox] " + message.channel() + " to " + String.join(", ", message.to())
                + (message.subject() == null ? "" : ": " + message.subject()));
    }

    /** Newest first; {@code recipient} (an address or phone number, or {@code null} for all) narrows it down. */
    public synchronized List<OutboxMessage> messages(String recipient) {
        List<OutboxMessage> newestFirst = new ArrayList<>(messages.reversed());
        if (recipient != null && !recipient.isBlank()) newestFirst.removeIf(message -> !message.isFor(recipient));
        return newestFirst;
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }
}
