package app.domus.realtime.connections;

/** The answer to a subscribe or unsubscribe: {@code {"type":"subscribed","topic":"vote:<voteId>"}}. */
public record TopicReply(String type, String topic) {}
