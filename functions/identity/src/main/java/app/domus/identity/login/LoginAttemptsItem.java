package app.domus.identity.login;

import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;

/** Failed sign-ins of one e-mail address in the current window: pk {@code LOGINFAIL#<email>}, sk {@code LOGINFAIL}. */
@DynamoDbBean
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
}
