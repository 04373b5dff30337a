package app.domus.local.aws;

import app.domus.local.console.Outbox;
import app.domus.local.console.OutboxMessage;
import app.domus.local.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** SES v2 {@code SendEmail} (REST-JSON {@code POST /v2/email/outbound-emails}): every email lands in the outbox. */
public final class SesEmulator implements AwsApi {
    private final Outbox outbox;

    public SesEmulator(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public AwsResponse handle(AwsRequest request) {
        if (!(request.method().equals("POST") && request.path().equals("/v2/email/outbound-emails"))) {
            return AwsResponse.json(404, Map.of("message", "The local cloud answers only SES v2 SendEmail, not "
                    + request.method() + " " + request.path()));
        }
        JsonNode email = Json.read(request.bodyText());
        String messageId = UUID.randomUUID().toString();
        JsonNode destination = email.path("Destination");
        List<String> to = new ArrayList<>();
        for (String field : List.of("ToAddresses", "CcAddresses", "BccAddresses")) {
            destination.path(field).forEach(address -> to.add(address.asText()));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("destination", destination);
        if (email.has("ReplyToAddresses")) details.put("replyTo", email.get("ReplyToAddresses"));
        if (email.has("EmailTags")) details.put("tags", email.get("EmailTags"));

        JsonNode content = email.path("Content");
        String subject = null;
        String text = null;
        String html = null;
        if (content.has("Simple")) {
            JsonNode simple = content.get("Simple");
            subject = textOrNull(simple.path("Subject").path("Data"));
            text = textOrNull(simple.path("Body").path("Text").path("Data"));
            html = textOrNull(simple.path("Body").path("Html").path("Data"));
        } else if (content.has("Raw")) {
            String mime = new String(Base64.getMimeDecoder().decode(content.path("Raw").path("Data").asText()), StandardCharsets.UTF_8);
            subject = mimeHeader(mime, "Subject");
            text = mime;
            if (to.isEmpty()) to.add(mimeHeader(mime, "To"));
        } else if (content.has("Template")) {
            details.put("template", content.get("Template"));
            subject = "template " + content.path("Template").path("TemplateName").asText();
        }
        outbox.add(new OutboxMessage(messageId, Instant.now(), "email", textOrNull(email.path("FromEmailAddress")), to, subject, text, html, details));
        return AwsResponse.json(200, Map.of("MessageId", messageId));
    }

    private static String textOrNull(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }

    private static String mimeHeader(String mime, String name) {
        for (String line : mime.split("\r?\n")) {
            if (line.isEmpty()) break;
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) return line.substring(name.length() + 1).trim();
        }
        return null;
    }
}
