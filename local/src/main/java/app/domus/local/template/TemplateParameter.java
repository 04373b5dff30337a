package app.domus.local.template;

import java.util.Arrays;
import java.util.List;

/** A template {@code Parameters} entry: its type and default. */
public record TemplateParameter(String name, String type, Object defaultValue) {

    /** The value CloudFormation would hand to {@code !Ref}: lists for list types, a string otherwise. */
    public Object valueOf(String given) {
        String raw = given != null ? given : defaultValue == null ? null : String.valueOf(defaultValue);
        if (raw == null) {
            throw new IllegalArgumentException("Parameter " + name + " has no Default and no local override");
        }
        if (type.equals("CommaDelimitedList") || type.startsWith("List<")) {
            return raw.isEmpty() ? List.of() : Arrays.stream(raw.split(",")).map(String::trim).toList();
        }
        return raw;
    }
}
