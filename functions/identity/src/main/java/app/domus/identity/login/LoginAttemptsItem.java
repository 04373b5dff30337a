package app.domus.identity.login;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/** Failed sign-ins of one e-mail address in the current window: pk {@code LOGINFAIL#<email>}, sk {@code LOGINFAIL}. */
public class LoginAttemptsItem extends TableItem {
    public static final String SK = "LOGINFAIL";

    private Long failures;
    private Long windowStartMillis;
    private Long lockedUntilMillis;

    public static String pk(String email) { return "LOGINFAIL#" + email.toLowerCase(java.util.Locale.ROOT); }

    public Long getFailures() { return failures; }
    public void setFailures(Long failures) { this.failures = failures; }
    public Long getWindowStartMillis() { return windowStartMillis; }
    public void setWindowStartMillis(Long windowStartMillis) { this.windowStartMillis = windowStartMillis; }
    public Long getLockedUntilMillis() { return lockedUntilMillis; }
    public void setLockedUntilMillis(Long lockedUntilMillis) { this.lockedUntilMillis = lockedUntilMillis; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<LoginAttemptsItem> SCHEMA = ItemSchema.item(LoginAttemptsItem.class, LoginAttemptsItem::new)
            .attribute(Long.class, "failures", LoginAttemptsItem::getFailures, LoginAttemptsItem::setFailures)
            .attribute(Long.class, "windowStartMillis", LoginAttemptsItem::getWindowStartMillis, LoginAttemptsItem::setWindowStartMillis)
            .attribute(Long.class, "lockedUntilMillis", LoginAttemptsItem::getLockedUntilMillis, LoginAttemptsItem::setLockedUntilMillis)
            .build();
}
