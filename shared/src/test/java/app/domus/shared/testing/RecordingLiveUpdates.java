package app.domus.shared.testing;

import app.domus.shared.json.Json;
import app.domus.shared.live.LiveUpdates;
import app.domus.shared.notify.NotificationRequest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The live-updates port keeping what it is asked to send, as the JSON the broadcaster would receive. */
public final class RecordingLiveUpdates implements LiveUpdates {
    public record Sent(String topic, JsonNode message, NotificationRequest otherwise) {}

    public final List<Sent> sent = new CopyOnWriteArrayList<>();
    public volatile boolean down;

    @Override
    public void send(String topic, Object message) {
        if (down) throw new IllegalStateException("live-updates queue unavailable");
        sent.add(new Sent(topic, Json.MAPPER.valueToTree(message), null));
    }

    @Override
    public void sendOrNotify(String topic, Object message, NotificationRequest otherwise) {
        if (down) throw new IllegalStateException("live-updates queue unavailable");
        sent.add(new Sent(topic, Json.MAPPER.valueToTree(message), otherwise));
    }

    public List<JsonNode> on(String topic) {
        return sent.stream().filter(s -> s.topic().equals(topic)).map(Sent::message).toList();
    }
}
