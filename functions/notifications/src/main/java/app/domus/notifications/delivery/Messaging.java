package app.domus.notifications.delivery;

import app.domus.notifications.NotificationsConfig;
import app.domus.shared.json.Json;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/** Sends one e-mail (SES), SMS or push notification (SNS) and returns the provider's message id. */
@Singleton
public class Messaging {
    /** Two SMS segments; longer texts are cut, the full message is in the e-mail. */
    static final int SMS_MAX_CHARS = 306;
    /** Lock screens show little more; APNs refuses payloads over 4 KiB. */
    static final int PUSH_MAX_CHARS = 240;

    private final SesV2Client ses;
    private final SnsClient sns;
    private final NotificationsConfig config;

    @Inject
    public Messaging(SesV2Client ses, SnsClient sns, NotificationsConfig config) {
        this.ses = ses;
        this.sns = sns;
        this.config = config;
    }

    public String email(String to, Templates.Message message) {
        return ses.sendEmail(b -> b.fromEmailAddress(config.senderEmail())
                .destination(d -> d.toAddresses(to))
                .content(c -> c.simple(m -> m
                        .subject(s -> s.data(message.subject()).charset("UTF-8"))
                        .body(body -> body.text(t -> t.data(message.body()).charset("UTF-8"))))))
                .messageId();
    }

    public String sms(String phoneNumber, Templates.Message message) {
        // Transactional: SNS routes for reliability rather than price, as for one-time codes.
        return sns.publish(b -> b.phoneNumber(phoneNumber)
                .message(cut(message.subject() + "\n" + message.body(), SMS_MAX_CHARS))
                .messageAttributes(Map.of("AWS.SNS.SMS.SMSType",
                        MessageAttributeValue.builder().dataType("String").stringValue("Transactional").build())))
                .messageId();
    }

    /** One payload per platform, so that each shows a proper notification with title and text. */
    public String push(String endpointArn, Templates.Message message) {
        String title = message.subject();
        String text = cut(message.body(), PUSH_MAX_CHARS);
        String fcm = Json.write(Map.of("fcmV1Message", Map.of("message", Map.of(
                "notification", Map.of("title", title, "body", text)))));
        String apns = Json.write(Map.of("aps", Map.of("alert", Map.of("title", title, "body", text))));
        String payload = Json.write(Map.of("default", title, "GCM", fcm, "APNS", apns, "APNS_SANDBOX", apns));
        return sns.publish(b -> b.targetArn(endpointArn).messageStructure("json").message(payload)).messageId();
    }

    private static String cut(String text, int max) {
        if (text.length() <= max) return text;
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) end--; // never split an emoji in half
        return text.substring(0, end) + "…";
    }
}
