package app.domus.notifications.preferences;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * A person's notification channels per category: pk {@code USER#<userId>}, sk {@code PREFERENCES}.
 * {@code categories} maps a category's wire name to its channels' on/off switches.
 */
public class PreferencesItem extends TableItem {
    public static final String SK = "PREFERENCES";

    private Map<String, Map<String, Boolean>> categories;

    public Map<String, Map<String, Boolean>> getCategories() { return categories; }
    public void setCategories(Map<String, Map<String, Boolean>> categories) { this.categories = categories; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<PreferencesItem> SCHEMA = ItemSchema.item(PreferencesItem.class, PreferencesItem::new)
            .attribute(EnhancedType.mapOf(EnhancedType.of(String.class), EnhancedType.mapOf(String.class, Boolean.class)),
                    "categories", PreferencesItem::getCategories, PreferencesItem::setCategories)
            .build();
}
