package app.domus.shared.directory;

import app.domus.shared.persistence.TableItem;
import java.util.Locale;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;

/** Holds an e-mail address for one user: pk {@code EMAIL#<lower-cased address>}, sk {@code EMAIL}. */
@DynamoDbBean
public class EmailItem extends TableItem {
    public static final String SK = "EMAIL";
    private String userId;

    public static String pk(String email) { return "EMAIL#" + email.toLowerCase(Locale.ROOT); }

    public String getUserId() { return userId; }
    public void setUserId(String userId) { this.userId = userId; }
}
