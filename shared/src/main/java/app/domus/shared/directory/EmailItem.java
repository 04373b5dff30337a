package app.domus.shared.directory;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import java.util.Locale;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/** Holds an e-mail address for one user: pk {@code EMAIL#<lower-cased address>}, sk {@code EMAIL}. */
public class EmailItem extends TableItem {
    public static final String SK = "EMAIL";
    private String userId;

    public static String pk(String email) { return "EMAIL#" + email.toLowerCase(Locale.ROOT); }

    public String getUserId() { return userId; }
    public void setUserId(String userId) { this.userId = userId; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<EmailItem> SCHEMA = ItemSchema.item(EmailItem.class, EmailItem::new)
            .text("userId", EmailItem::getUserId, EmailItem::setUserId)
            .build();
}
