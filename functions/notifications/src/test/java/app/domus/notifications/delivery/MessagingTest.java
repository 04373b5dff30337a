package app.domus.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.notifications.NotificationsFixture;
import app.domus.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Texts longer than an SMS or a push notification shows are cut with an ellipsis, never through an emoji. */
class MessagingTest {
    private final NotificationsFixture f = new NotificationsFixture();
    private final Messaging messaging = new Messaging(f.aws.ses(), f.aws.sns(), f.config);

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void anSmsOfExactlyTheLimitGoesWholeAndOneCharacterMoreIsCutToTheLimit() {
        String subject = "Lift";
        String whole = "x".repeat(Messaging.SMS_MAX_CHARS - subject.length() - 1);
        messaging.sms("+4915112345678", new Templates.Message(subject, whole));
        messaging.sms("+4915112345678", new Templates.Message(subject, whole + "y"));

        assertThat(f.aws.sms()).extracting(sms -> sms.get("Message"))
                .containsExactly(subject + "\n" + whole, subject + "\n" + whole.substring(0, whole.length() - 1) + "…")
                .allSatisfy(text -> assertThat(text).hasSize(Messaging.SMS_MAX_CHARS));
    }

    @Test
    void aPushCutWhereAnEmojiStraddlesTheLimitDropsTheWholeEmoji() {
        // The cut keeps PUSH_MAX_CHARS - 1 characters; the emoji's two chars sit at that boundary.
        String body = "a".repeat(Messaging.PUSH_MAX_CHARS - 2) + "\uD83D\uDE00" + "tail";
        messaging.push("arn:aws:sns:eu-central-1:000000000000:endpoint/GCM/domus/1", new Templates.Message("Lift", body));

        JsonNode payload = Json.read(f.aws.pushes().getFirst().get("Message"), JsonNode.class);
        JsonNode fcm = Json.read(payload.path("GCM").asText(), JsonNode.class);
        assertThat(fcm.path("fcmV1Message").path("message").path("notification").path("body").asText())
                .isEqualTo("a".repeat(Messaging.PUSH_MAX_CHARS - 2) + "…");
    }
}
