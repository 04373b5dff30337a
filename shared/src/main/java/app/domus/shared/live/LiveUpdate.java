package app.domus.shared.live;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What travels on the live-updates queue from a context to the broadcaster: the topic, when the message was sent
 * (epoch milliseconds, so that the broadcaster can drop a message overtaken by a later one) and the message itself.
 */
public record LiveUpdate(String topic, long sentAt, JsonNode message) {}
