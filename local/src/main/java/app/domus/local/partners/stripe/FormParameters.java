package app.domus.local.partners.stripe;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stripe's request parameters: {@code application/x-www-form-urlencoded} pairs with bracketed keys for maps
 * ({@code metadata[order]=...}) and lists ({@code payment_method_types[]=card} or, as stripe-java sends them,
 * {@code payment_method_types[0]=card}), for request bodies and query strings alike.
 */
final class FormParameters {
    private record Pair(String key, String value) {}

    private final List<Pair> pairs;

    private FormParameters(List<Pair> pairs) {
        this.pairs = pairs;
    }

    static FormParameters parse(String encoded) {
        List<Pair> pairs = new ArrayList<>();
        if (encoded != null && !encoded.isBlank()) {
            for (String pair : encoded.split("&")) {
                if (pair.isEmpty()) continue;
                int equals = pair.indexOf('=');
                String key = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                pairs.add(new Pair(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8)));
            }
        }
        return new FormParameters(pairs);
    }

    /** The value of a plain key ({@code amount}) or a full bracketed one ({@code created[gte]}); null when absent. */
    String value(String key) {
        return pairs.stream().filter(pair -> pair.key().equals(key)).map(Pair::value).reduce((first, last) -> last).orElse(null);
    }

    /** {@code name[key]=value} pairs as a map, in the order sent. */
    Map<String, String> map(String name) {
        Map<String, String> map = new LinkedHashMap<>();
        String prefix = name + "[";
        for (Pair pair : pairs) {
            if (pair.key().startsWith(prefix) && pair.key().endsWith("]")) map.put(pair.key().substring(prefix.length(), pair.key().length() - 1), pair.value());
        }
        return map;
    }

    /** {@code name[]=a&name[]=b} or {@code name[0]=a&name[1]=b}, in the order sent. */
    List<String> list(String name) {
        List<String> list = new ArrayList<>();
        for (Pair pair : pairs) {
            String key = pair.key();
            if (key.startsWith(name + "[") && key.endsWith("]") && key.substring(name.length() + 1, key.length() - 1).matches("\\d*")) list.add(pair.value());
        }
        return list;
    }

    /** The top-level parameter names sent ({@code metadata} for {@code metadata[order]}). */
    Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        for (Pair pair : pairs) {
            int bracket = pair.key().indexOf('[');
            names.add(bracket < 0 ? pair.key() : pair.key().substring(0, bracket));
        }
        return names;
    }

    /**
     * The parameters in a form that is equal for equal requests, whatever the order of their keys: what an
     * idempotency key is compared by. A stable sort keeps the order of a list's items.
     */
    String canonical() {
        return pairs.stream().sorted(Comparator.comparing(Pair::key)).map(pair -> pair.key() + "=" + pair.value()).toList().toString();
    }
}
