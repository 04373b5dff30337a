package app.domus.local.partners.crm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The CRM double's properties: {@code count} made from a fixed seed (the same every start), in RESO Data Dictionary
 * terms, some of them broken on purpose, as real CRM data is: every 25th (from the 8th) has no {@code ListPrice}, every
 * 31st (from the 12th) a latitude of 123.4, every 37th (from the 14th) a second photo whose URL answers 404, every 43rd
 * (from the 18th) a {@code PropertySubType} of {@code Castle} that no mapping knows. Changes made through the controls are
 * kept in memory until the next start.
 */
final class CrmProperties {
    static final String[][] CITIES = {{"Berlin", "Mitte", "52.52", "13.40"}, {"Hamburg", "Altona", "53.55", "9.93"},
            {"München", "Schwabing", "48.16", "11.58"}, {"Köln", "Ehrenfeld", "50.95", "6.92"}, {"Leipzig", "Plagwitz", "51.33", "12.33"}};
    static final String[] SUB_TYPES = {"Apartment", "Condominium", "SingleFamilyResidence", "Townhouse", "Apartment"};

    private final Map<String, Map<String, Object>> byKey = new LinkedHashMap<>();
    private final String baseUrl;

    CrmProperties(int count, String baseUrl) {
        this.baseUrl = baseUrl;
        Random random = new Random(21);
        for (int i = 1; i <= count; i++) {
            String key = String.format("DOM-%04d", i);
            String[] city = CITIES[random.nextInt(CITIES.length)];
            boolean lease = random.nextInt(4) == 0;
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("ListingKey", key);
            p.put("ListingId", "L" + (100000 + i));
            p.put("StandardStatus", "Active");
            p.put("PropertyType", lease ? "ResidentialLease" : "Residential");
            p.put("PropertySubType", i % 43 == 18 ? "Castle" : SUB_TYPES[random.nextInt(SUB_TYPES.length)]);
            if (i % 25 != 8) p.put("ListPrice", lease ? 800 + random.nextInt(40) * 50 : 150_000 + random.nextInt(200) * 5_000);
            p.put("UnparsedAddress", (1 + random.nextInt(120)) + " " + List.of("Linden", "Eichen", "Birken", "Ahorn").get(random.nextInt(4)) + "straße");
            p.put("PostalCode", String.valueOf(10_000 + random.nextInt(80_000)));
            p.put("City", city[0]);
            p.put("SubdivisionName", city[1]);
            p.put("Latitude", i % 31 == 12 ? 123.4 : Double.parseDouble(city[2]) + random.nextInt(1000) / 20_000.0);
            p.put("Longitude", Double.parseDouble(city[3]) + random.nextInt(1000) / 20_000.0);
            p.put("BedroomsTotal", 1 + random.nextInt(5));
            p.put("LivingArea", 30 + random.nextInt(150));
            p.put("LivingAreaUnits", "SquareMeters");
            p.put("PublicRemarks", "Bright " + (lease ? "rental" : "home") + " in " + city[1] + ", " + city[0] + " (" + key + ")");
            p.put("InteriorFeatures", random.nextBoolean() ? List.of("Balcony", "Elevator") : List.of("Garden"));
            p.put("ModificationTimestamp", "2026-11-01T10:00:00Z");
            List<Map<String, Object>> media = new ArrayList<>();
            media.add(media(key, 1));
            if (i % 37 == 14) media.add(media(key, 404));
            p.put("Media", media);
            byKey.put(key, p);
        }
    }

    private Map<String, Object> media(String key, int order) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("MediaKey", key + "-M" + order);
        m.put("ResourceRecordKey", key);
        m.put("ResourceName", "Property");
        m.put("MediaCategory", "Photo");
        m.put("MimeType", "image/jpeg");
        m.put("Order", order);
        m.put("MediaURL", baseUrl + "/media/" + key + "/" + order + ".jpg");
        return m;
    }

    synchronized List<Map<String, Object>> all() {
        return byKey.values().stream().map(LinkedHashMap::new).map(m -> (Map<String, Object>) m).toList();
    }

    synchronized Map<String, Object> get(String key) {
        return byKey.get(key);
    }

    /** Sets (or with a null value removes) fields of a property, as an agent editing it in the CRM. */
    synchronized Map<String, Object> change(String key, Map<String, Object> fields) {
        Map<String, Object> property = byKey.get(key);
        if (property == null) throw new IllegalArgumentException("No property " + key);
        fields.forEach((name, value) -> {
            if (value == null) property.remove(name);
            else property.put(name, value);
        });
        property.put("ModificationTimestamp", java.time.Instant.now().toString());
        return property;
    }

    synchronized int size() {
        return byKey.size();
    }
}
