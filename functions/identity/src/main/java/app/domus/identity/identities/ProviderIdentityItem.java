package app.domus.identity.identities;

import app.domus.shared.directory.UserItem;
import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * A provider identity linked to a user, stored twice in one transaction: by the provider's subject (pk
 * {@code IDENTITY#<provider>#<subject>}, sk {@code IDENTITY}: who signs in, and the uniqueness of the link) and under the
 * user (pk {@code USER#<userId>}, sk {@code IDENTITY#<provider>}: the account's identities, one per provider).
 * {@code email} is the address the provider gave when it was linked, for showing only.
 */
public class ProviderIdentityItem extends TableItem {
    public static final String SK = "IDENTITY";

    private String userId;
    private String provider;
    private String subject;
    private String email;
    private String linkedAt;

    public static String subjectPk(Provider provider, String subject) { return "IDENTITY#" + provider.wire() + "#" + subject; }

    public static String userSk(Provider provider) { return "IDENTITY#" + provider.wire(); }

    /** The two items of one link. */
    public static ProviderIdentityItem[] of(String userId, Provider provider, String subject, String email, String linkedAt) {
        ProviderIdentityItem bySubject = fields(userId, provider, subject, email, linkedAt);
        bySubject.setPk(subjectPk(provider, subject));
        bySubject.setSk(SK);
        ProviderIdentityItem byUser = fields(userId, provider, subject, email, linkedAt);
        byUser.setPk(UserItem.pk(userId));
        byUser.setSk(userSk(provider));
        return new ProviderIdentityItem[] {bySubject, byUser};
    }

    private static ProviderIdentityItem fields(String userId, Provider provider, String subject, String email, String linkedAt) {
        ProviderIdentityItem item = new ProviderIdentityItem();
        item.setUserId(userId);
        item.setProvider(provider.wire());
        item.setSubject(subject);
        item.setEmail(email);
        item.setLinkedAt(linkedAt);
        return item;
    }

    public String getUserId() { return userId; }
    public void setUserId(String userId) { this.userId = userId; }
    public String getProvider() { return provider; }
    public void setProvider(String provider) { this.provider = provider; }
    public String getSubject() { return subject; }
    public void setSubject(String subject) { this.subject = subject; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getLinkedAt() { return linkedAt; }
    public void setLinkedAt(String linkedAt) { this.linkedAt = linkedAt; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<ProviderIdentityItem> SCHEMA = ItemSchema.item(ProviderIdentityItem.class, ProviderIdentityItem::new)
            .text("userId", ProviderIdentityItem::getUserId, ProviderIdentityItem::setUserId)
            .text("provider", ProviderIdentityItem::getProvider, ProviderIdentityItem::setProvider)
            .text("subject", ProviderIdentityItem::getSubject, ProviderIdentityItem::setSubject)
            .text("email", ProviderIdentityItem::getEmail, ProviderIdentityItem::setEmail)
            .text("linkedAt", ProviderIdentityItem::getLinkedAt, ProviderIdentityItem::setLinkedAt)
            .build();
}
