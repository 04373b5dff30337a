package app.domus.messaging.conversations;

import app.domus.shared.validation.Validated;
import app.domus.shared.validation.Validator;
import java.util.List;

/**
 * Body of {@code POST /conversations}: the others to talk with (the caller is always in), an optional title (a group's
 * name), and the organisation, needed only by someone who belongs to more than one.
 */
public record CreateConversationRequest(List<String> participantIds, String title, String organisationId) implements Validated {
    @Override
    public void validate(Validator v) {
        if (v.required("participantIds", participantIds)) {
            v.size("participantIds", participantIds, 1, ConversationService.MAX_PARTICIPANTS - 1);
            for (int i = 0; i < participantIds.size(); i++) v.id("participantIds[" + i + "]", participantIds.get(i), true);
        }
        v.text("title", title, 1, 120, false);
        v.id("organisationId", organisationId, false);
    }
}
