package app.domus.shared.directory;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * A person with an account. pk {@code USER#<id>}, sk {@code PROFILE}. The e-mail's uniqueness is held by a
 * separate {@link EmailItem}, written in the same transaction. {@code accountType} is {@code portal} for a person who
 * signed up on the listing portal (no membership of any organisation), absent for residents and staff, who register
 * with an invitation. {@code emailVerifiedAt} is when the address was shown to be theirs; absent, it is unverified.
 */
public class UserItem extends TableItem {
    public static final String SK = "PROFILE";
    public static final String PORTAL = "portal";

    private String id;
    private String email;
    private String displayName;
    private String phone;
    private String passwordHash;
    private String passwordChangedAt;
    private Boolean mfaEnabled;
    private String mfaSecret;
    private String mfaPendingSecret;
    private Long mfaLastUsedStep;
    private List<String> recoveryCodeHashes;
    private String createdAt;
    private String accountType;
    private String emailVerifiedAt;

    public static String pk(String id) { return "USER#" + id; }

    public boolean mfaOn() { return Boolean.TRUE.equals(mfaEnabled); }

    public boolean emailVerified() { return emailVerifiedAt != null; }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public String getPasswordHash() { return passwordHash; }
    public void setPasswordHash(String passwordHash) { this.passwordHash = passwordHash; }
    public String getPasswordChangedAt() { return passwordChangedAt; }
    public void setPasswordChangedAt(String passwordChangedAt) { this.passwordChangedAt = passwordChangedAt; }
    public Boolean getMfaEnabled() { return mfaEnabled; }
    public void setMfaEnabled(Boolean mfaEnabled) { this.mfaEnabled = mfaEnabled; }
    public String getMfaSecret() { return mfaSecret; }
    public void setMfaSecret(String mfaSecret) { this.mfaSecret = mfaSecret; }
    public String getMfaPendingSecret() { return mfaPendingSecret; }
    public void setMfaPendingSecret(String mfaPendingSecret) { this.mfaPendingSecret = mfaPendingSecret; }
    public Long getMfaLastUsedStep() { return mfaLastUsedStep; }
    public void setMfaLastUsedStep(Long mfaLastUsedStep) { this.mfaLastUsedStep = mfaLastUsedStep; }
    public List<String> getRecoveryCodeHashes() { return recoveryCodeHashes; }
    public void setRecoveryCodeHashes(List<String> recoveryCodeHashes) { this.recoveryCodeHashes = recoveryCodeHashes; }
    public String getCreatedAt() { return createdAt; }
    public void setCreatedAt(String createdAt) { this.createdAt = createdAt; }
    public String getAccountType() { return accountType; }
    public void setAccountType(String accountType) { this.accountType = accountType; }
    public String getEmailVerifiedAt() { return emailVerifiedAt; }
    public void setEmailVerifiedAt(String emailVerifiedAt) { this.emailVerifiedAt = emailVerifiedAt; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<UserItem> SCHEMA = ItemSchema.item(UserItem.class, UserItem::new)
            .text("id", UserItem::getId, UserItem::setId)
            .text("email", UserItem::getEmail, UserItem::setEmail)
            .text("displayName", UserItem::getDisplayName, UserItem::setDisplayName)
            .text("phone", UserItem::getPhone, UserItem::setPhone)
            .text("passwordHash", UserItem::getPasswordHash, UserItem::setPasswordHash)
            .text("passwordChangedAt", UserItem::getPasswordChangedAt, UserItem::setPasswordChangedAt)
            .attribute(Boolean.class, "mfaEnabled", UserItem::getMfaEnabled, UserItem::setMfaEnabled)
            .text("mfaSecret", UserItem::getMfaSecret, UserItem::setMfaSecret)
            .text("mfaPendingSecret", UserItem::getMfaPendingSecret, UserItem::setMfaPendingSecret)
            .attribute(Long.class, "mfaLastUsedStep", UserItem::getMfaLastUsedStep, UserItem::setMfaLastUsedStep)
            .textList("recoveryCodeHashes", UserItem::getRecoveryCodeHashes, UserItem::setRecoveryCodeHashes)
            .text("createdAt", UserItem::getCreatedAt, UserItem::setCreatedAt)
            .text("accountType", UserItem::getAccountType, UserItem::setAccountType)
            .text("emailVerifiedAt", UserItem::getEmailVerifiedAt, UserItem::setEmailVerifiedAt)
            .build();
}
