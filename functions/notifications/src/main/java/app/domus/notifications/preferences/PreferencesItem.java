package app.domus.notifications.preferences;

import app.domus.shared.persistence.TableItem;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;

/**
 * A person's notification channels per category: pk {@code USER#<userId>}, sk {@code PREFERENCES}.
 * {@code categories} maps a category's wire name to its channels' on/off switches.
 */
@DynamoDbBean
public class PreferencesItem extends TableItem {
    public static final String SK = "PREFERENCES";

    private Map<String, Map<String, Boolean>> categories;

    public Map<String, Map<String, Boolean>> getCategories() { return categories; }
    public void setCategories(Map<String, Map<String, Boolean>> categories) { this.categories = categories; }
}
