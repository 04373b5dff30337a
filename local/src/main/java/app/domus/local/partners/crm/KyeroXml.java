package app.domus.local.partners.crm;

import java.util.List;
import java.util.Map;

/** The double's properties as a Kyero v3 XML feed (the same properties as the RESO API, in Kyero's terms). */
final class KyeroXml {
    private KyeroXml() {}

    static String feed(List<Map<String, Object>> properties) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<root>\n  <kyero>\n    <feed_version>3</feed_version>\n  </kyero>\n");
        for (Map<String, Object> p : properties) {
            boolean lease = "ResidentialLease".equals(p.get("PropertyType"));
            xml.append("  <property>\n");
            element(xml, "id", p.get("ListingKey"));
            element(xml, "date", "2026-11-01 10:00:00");
            element(xml, "ref", p.get("ListingId"));
            element(xml, "price", p.get("ListPrice"));
            element(xml, "currency", "EUR");
            element(xml, "price_freq", lease ? "month" : "sale");
            element(xml, "new_build", 0);
            element(xml, "type", switch (String.valueOf(p.get("PropertySubType"))) {
                case "SingleFamilyResidence" -> "Villa";
                case "Townhouse" -> "Town House";
                case "Condominium", "Apartment" -> "Apartment";
                default -> p.get("PropertySubType");
            });
            element(xml, "town", p.get("City"));
            element(xml, "province", p.get("City"));
            element(xml, "location_detail", p.get("SubdivisionName"));
            xml.append("    <location>\n");
            element(xml, "latitude", p.get("Latitude"));
            element(xml, "longitude", p.get("Longitude"));
            xml.append("    </location>\n");
            element(xml, "beds", p.get("BedroomsTotal"));
            element(xml, "baths", 1);
            xml.append("    <surface_area>\n");
            element(xml, "built", p.get("LivingArea"));
            xml.append("    </surface_area>\n    <desc>\n");
            element(xml, "en", p.get("PublicRemarks"));
            xml.append("    </desc>\n    <features>\n");
            for (Object feature : (List<?>) p.getOrDefault("InteriorFeatures", List.of())) element(xml, "feature", feature);
            xml.append("    </features>\n    <images>\n");
            for (Object m : (List<?>) p.getOrDefault("Media", List.of())) {
                Map<?, ?> media = (Map<?, ?>) m;
                xml.append("      <image id=\"").append(media.get("Order")).append("\">\n");
                element(xml, "url", media.get("MediaURL"));
                xml.append("      </image>\n");
            }
            xml.append("    </images>\n  </property>\n");
        }
        return xml.append("</root>\n").toString();
    }

    private static void element(StringBuilder xml, String name, Object value) {
        if (value == null) return;
        String text = String.valueOf(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        xml.append("    <").append(name).append('>').append(text).append("</").append(name).append(">\n");
    }
}
