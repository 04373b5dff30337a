package app.domus.realtime.topics;

import app.domus.shared.http.ApiException;
import app.domus.shared.persistence.DomusTable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.regex.Pattern;

/** The registry of followable topics. */
@Singleton
public class Topics {
    /** {@code <kind>:<id>}, e.g. {@code vote:01JD4S6Q0M8Y5C3V7N2B9X1KAY}. */
    public static final Pattern NAME = Pattern.compile("^[a-z]{1,20}:[A-Za-z0-9_-]{1,64}$");

    private final DomusTable table;

    @Inject
    public Topics(DomusTable table) {
        this.table = table;
    }

    public TopicItem get(String name) {
        return table.get(TopicItem.class, TopicItem.pk(name), TopicItem.SK)
                .orElseThrow(() -> ApiException.notFound("The topic"));
    }
}
