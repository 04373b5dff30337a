package app.domus.listings.imports;

import app.domus.listings.listings.ListingRequests;
import app.domus.shared.json.Json;
import app.domus.shared.validation.Validator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A CRM property to a listing's request: each of our fields read from the CRM field the mapping names (or a constant),
 * numbers parsed (a price in major units becomes minor units, two decimals), the CRM's property types and offers
 * translated, then the listing's own checks applied, so an imported listing meets what {@code POST /listings} requires.
 * Everything wrong with a property is reported, by our field and the CRM field it came from. The content hash covers
 * all that would be stored, photos' URLs included.
 */
public final class FieldMapper {
    public sealed interface Result permits Mapped, Rejected {}

    public record Mapped(ListingRequests.CreateListing request, List<String> photoUrls, String contentHash) implements Result {}

    public record Rejected(List<String> errors) implements Result {}

    private final CrmType type;
    private final Map<String, String> fields = new HashMap<>();
    private final Map<String, String> propertyTypes = new HashMap<>();
    private final Map<String, String> offers = new HashMap<>();

    public FieldMapper(CrmType type, ImportRequests.FieldMapping mapping) {
        this.type = type;
        fields.putAll(type.fields());
        type.propertyTypes().forEach((k, v) -> propertyTypes.put(key(k), v));
        type.offers().forEach((k, v) -> offers.put(key(k), v));
        if (mapping.fields() != null) fields.putAll(mapping.fields());
        if (mapping.propertyTypes() != null) mapping.propertyTypes().forEach((k, v) -> propertyTypes.put(key(k), v.toLowerCase(Locale.ROOT)));
        if (mapping.offers() != null) mapping.offers().forEach((k, v) -> offers.put(key(k), v.toLowerCase(Locale.ROOT)));
    }

    /** The CRM field that holds the property's id. */
    public String crmIdField() {
        return fields.get("crmId");
    }

    public Result map(CrmRecord record) {
        List<String> errors = new ArrayList<>();
        String typeValue = value(record, "type");
        String ourType = typeValue == null ? null : ourValue(typeValue, propertyTypes, ListingRequests.PropertyType.class);
        if (typeValue != null && ourType == null) {
            errors.add("type: '" + typeValue + "' (" + fields.get("type") + ") is not a property type we know; map it in fieldMapping.propertyTypes");
        }
        String offerValue = value(record, "offer");
        String ourOffer = offerValue == null ? null : ourValue(offerValue, offers, ListingRequests.Offer.class);
        if (offerValue != null && ourOffer == null) {
            errors.add("offer: '" + offerValue + "' (" + fields.get("offer") + ") is neither a sale nor a rent; map it in fieldMapping.offers");
        }
        Long priceMinor = number(record, "price", errors) instanceof BigDecimal price
                ? price.setScale(2, RoundingMode.HALF_UP).movePointRight(2).longValue() : null;
        Double latitude = decimal(record, "latitude", errors);
        Double longitude = decimal(record, "longitude", errors);
        Integer rooms = number(record, "rooms", errors) instanceof BigDecimal r ? r.setScale(0, RoundingMode.DOWN).intValue() : null;
        Double area = decimal(record, "areaSqm", errors);
        List<String> features = list(record, "features");
        String currency = value(record, "currency");
        var request = new ListingRequests.CreateListing(
                new ListingRequests.Property(ourType, new ListingRequests.Address(value(record, "street"), value(record, "postcode"),
                        value(record, "city"), value(record, "district"), latitude, longitude), rooms, area, features),
                value(record, "description"),
                new ListingRequests.Pricing(ourOffer, priceMinor, currency == null ? null : currency.toUpperCase(Locale.ROOT)),
                null);
        if (errors.isEmpty()) {
            Validator v = new Validator();
            request.validate(v);
            for (var error : v.errors()) {
                errors.add(error.field() + " " + error.message() + source(error.field()));
            }
        }
        if (!errors.isEmpty()) return new Rejected(errors);
        List<String> photos = record.photoUrls().stream().limit(ListingRequests.MAX_PHOTOS).toList();
        return new Mapped(request, photos, hash(request, photos));
    }

    private String source(String field) {
        String ours = switch (field) {
            case "property.type" -> "type";
            case "pricing.offer" -> "offer";
            case "pricing.amountMinor" -> "price";
            case "pricing.currency" -> "currency";
            case "property.rooms" -> "rooms";
            case "property.areaSqm" -> "areaSqm";
            case "description" -> "description";
            default -> field.startsWith("property.address.") ? field.substring("property.address.".length())
                    : field.startsWith("property.features") ? "features" : null;
        };
        String from = ours == null ? null : fields.get(ours);
        return from == null ? "" : " (from " + from + ")";
    }

    private String value(CrmRecord record, String target) {
        String source = fields.get(target);
        if (source == null || source.isBlank()) return null;
        if (source.startsWith("=")) return source.substring(1);
        String value = record.fields().get(source);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private List<String> list(CrmRecord record, String target) {
        String source = fields.get(target);
        if (source == null || source.startsWith("=")) return null;
        List<String> values = record.lists().get(source);
        if (values == null) return null;
        return values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).distinct().limit(30).toList();
    }

    private BigDecimal number(CrmRecord record, String target, List<String> errors) {
        String value = value(record, target);
        if (value == null) return null;
        try {
            return new BigDecimal(value.replace(",", ""));
        } catch (NumberFormatException e) {
            errors.add(target + ": '" + value + "' (" + fields.get(target) + ") is not a number");
            return null;
        }
    }

    private Double decimal(CrmRecord record, String target, List<String> errors) {
        BigDecimal value = number(record, target, errors);
        return value == null ? null : value.doubleValue();
    }

    private static <E extends Enum<E>> String ourValue(String value, Map<String, String> translations, Class<E> ours) {
        String translated = translations.get(key(value));
        if (translated != null) return translated;
        for (E constant : ours.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.strip())) return constant.name().toLowerCase(Locale.ROOT);
        }
        return null;
    }

    private static String key(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }

    public CrmType type() {
        return type;
    }

    private static String hash(ListingRequests.CreateListing request, List<String> photos) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(Json.MAPPER.writeValueAsBytes(request));
            for (String photo : photos) digest.update(("\n" + photo).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
