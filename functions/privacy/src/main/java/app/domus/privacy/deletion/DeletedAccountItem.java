package app.domus.privacy.deletion;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * What is left of a deleted account: pk {@code DELETED_ACCOUNT#<userId>}, sk {@code ACCOUNT}; when, and the
 * organisations it belonged to (whose records keep its id). No name, address or other personal data: the id is a random
 * one, and with the profile gone it names nobody in Domus (kept records refer to it as a pseudonym, GDPR Art. 4(5)).
 * Put in the deletion's transaction; it makes a second deletion request a no-op that finishes the erasure.
 */
public class DeletedAccountItem extends TableItem {
    public static final String SK = "ACCOUNT";

    private String userId;
    private String deletedAt;
    private List<String> organisationIds;

    public static String pk(String userId) { return "DELETED_ACCOUNT#" + userId; }

    public String getUserId() { return userId; }
    public void setUserId(String userId) { this.userId = userId; }
    public String getDeletedAt() { return deletedAt; }
    public void setDeletedAt(String deletedAt) { this.deletedAt = deletedAt; }
    public List<String> getOrganisationIds() { return organisationIds; }
    public void setOrganisationIds(List<String> organisationIds) { this.organisationIds = organisationIds; }

    public static final TableSchema<DeletedAccountItem> SCHEMA = ItemSchema.item(DeletedAccountItem.class, DeletedAccountItem::new)
            .text("userId", DeletedAccountItem::getUserId, DeletedAccountItem::setUserId)
            .text("deletedAt", DeletedAccountItem::getDeletedAt, DeletedAccountItem::setDeletedAt)
            .textList("organisationIds", DeletedAccountItem::getOrganisationIds, DeletedAccountItem::setOrganisationIds)
            .build();
}
