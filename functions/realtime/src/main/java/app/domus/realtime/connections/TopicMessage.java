package app.domus.realtime.connections;

import app.domus.realtime.topics.Topics;
import app.domus.shared.validation.Validated;
import app.domus.shared.validation.Validator;

/** {@code {"action":"subscribe","topic":"vote:<voteId>"}}, and the same with {@code unsubscribe}. */
public record TopicMessage(String action, String topic) implements Validated {
    @Override
    public void validate(Validator v) {
        v.matches("topic", topic, Topics.NAME, "must name a topic such as vote:<voteId>", true);
    }
}
