package app.domus.local.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox file after a hard stop: a last line cut short by the kill is dropped, anything else unreadable is not. */
class OutboxTest {
    @TempDir
    Path directory;

    @Test
    void aLastLineTornByAKillIsDroppedAndTheOutboxStillOpens() throws Exception {
        Path file = directory.resolve("outbox.jsonl");
        new Outbox(file).add(message("kept"));
        String whole = Files.readString(file);
        Files.writeString(file, whole.substring(0, whole.length() / 2), StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        Outbox reopened = new Outbox(file);

        assertThat(reopened.messages(null)).extracting(OutboxMessage::id).containsExactly("kept");
        reopened.add(message("after"));
        assertThat(new Outbox(file).messages(null)).extracting(OutboxMessage::id).containsExactlyInAnyOrder("kept", "after");
    }

    @Test
    void anUnreadableLineBeforeTheLastIsAnError() throws Exception {
        Path good = directory.resolve("good.jsonl");
        new Outbox(good).add(message("later"));
        Path file = directory.resolve("outbox.jsonl");
        Files.writeString(file, "{\"id\": \"cut\n" + Files.readString(good));

        assertThatThrownBy(() -> new Outbox(file)).isInstanceOf(UncheckedIOException.class);
    }

    private static OutboxMessage message(String id) {
        return new OutboxMessage(id, Instant.parse("2026-12-02T00:00:00Z"), "email", "noreply@domus.local", List.of("a@example.com"),
                "Subject " + id, "text", null, Map.of());
    }
}
