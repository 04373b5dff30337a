package app.domus.shared.live;

import app.domus.shared.notify.NotificationRequest;

/**
 * The kernel's port for live updates: a context says "send this message to whoever follows topic T" and the
 * WebSocket API (the realtime context) delivers it to the connections subscribed to T.
 *
 * <p>Two kinds of topic. A <em>state</em> topic ({@code vote:<voteId>}, registered as a {@link LiveTopicItem}) carries
 * the whole current state in each message, so a lost or repeated one is corrected by the next and an overtaken one is
 * dropped. A <em>personal</em> topic ({@link #userTopic}) is a user's own stream of events (a new message, a typing
 * indicator, a notification): every one is delivered, in any order (each carries what it is about and when), and
 * every connection of the user follows it from the moment it opens.
 */
public interface LiveUpdates {
    /** The prefix of personal topics: {@code user:<userId>}. */
    String USER_TOPIC_PREFIX = "user:";

    /** The personal topic of a user, which each of their connections follows. */
    static String userTopic(String userId) {
        return USER_TOPIC_PREFIX + userId;
    }

    static boolean isPersonal(String topic) {
        return topic != null && topic.startsWith(USER_TOPIC_PREFIX);
    }

    /** Topic names are {@code <kind>:<id>}, e.g. {@code vote:01JD4S6Q0M8Y5C3V7N2B9X1KAY}. */
    void send(String topic, Object message);

    /**
     * Sends the message to the topic's connections or, when it reaches none (nobody online, or only connections that
     * are gone), has the notifier deliver {@code otherwise} instead (push and e-mail by the user's preferences).
     */
    void sendOrNotify(String topic, Object message, NotificationRequest otherwise);
}
