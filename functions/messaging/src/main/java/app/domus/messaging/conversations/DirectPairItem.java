package app.domus.messaging.conversations;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * The one direct conversation of two people in an organisation: pk {@code DIRECT#<orgId>#<lower userId>#<higher userId>},
 * sk {@code CONVERSATION}, written (if absent) in the transaction that starts the conversation, so that starting it
 * again, from either side or twice at once, finds the first.
 */
public class DirectPairItem extends TableItem {
    public static final String SK = "CONVERSATION";

    private String conversationId;

    public static String pk(String organisationId, String a, String b) {
        return a.compareTo(b) <= 0 ? "DIRECT#" + organisationId + "#" + a + "#" + b : "DIRECT#" + organisationId + "#" + b + "#" + a;
    }

    public String getConversationId() { return conversationId; }
    public void setConversationId(String conversationId) { this.conversationId = conversationId; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<DirectPairItem> SCHEMA = ItemSchema.item(DirectPairItem.class, DirectPairItem::new)
            .text("conversationId", DirectPairItem::getConversationId, DirectPairItem::setConversationId)
            .build();
}
