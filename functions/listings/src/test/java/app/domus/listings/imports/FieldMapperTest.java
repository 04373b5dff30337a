package app.domus.listings.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldMapperTest {
    private static CrmRecord reso(Map<String, String> fields) {
        return new CrmRecord(fields.getOrDefault("ListingKey", "K1"), fields, Map.of("InteriorFeatures", List.of("Balcony", "Elevator")),
                List.of("https://crm.example/m/1.jpg"));
    }

    private static Map<String, String> flat() {
        return new java.util.HashMap<>(Map.of("ListingKey", "K1", "PropertyType", "ResidentialLease", "PropertySubType", "Condominium",
                "ListPrice", "1250.50", "City", "Berlin", "SubdivisionName", "Mitte", "Latitude", "52.52", "Longitude", "13.40",
                "BedroomsTotal", "2", "LivingArea", "64"));
    }

    @Test
    void aResoPropertyBecomesAListingRequestInMinorUnitsWithItsTypeAndOfferTranslated() {
        var result = new FieldMapper(CrmType.RESO, ImportRequests.FieldMapping.NONE).map(reso(flat()));

        assertThat(result).isInstanceOf(FieldMapper.Mapped.class);
        var request = ((FieldMapper.Mapped) result).request();
        assertThat(request.property().type()).isEqualTo("apartment");
        assertThat(request.pricing().offer()).isEqualTo("rent");
        assertThat(request.pricing().amountMinor()).isEqualTo(125_050L);
        assertThat(request.pricing().currency()).as("the default constant").isEqualTo("EUR");
        assertThat(request.property().address().district()).isEqualTo("Mitte");
        assertThat(request.property().rooms()).isEqualTo(2);
        assertThat(request.property().features()).containsExactly("Balcony", "Elevator");
    }

    @Test
    void everythingWrongWithAPropertyIsReportedByOurFieldAndTheCrmsField() {
        Map<String, String> broken = flat();
        broken.remove("ListPrice");
        broken.put("Latitude", "123.4");
        var result = new FieldMapper(CrmType.RESO, ImportRequests.FieldMapping.NONE).map(reso(broken));

        assertThat(result).isInstanceOf(FieldMapper.Rejected.class);
        assertThat(((FieldMapper.Rejected) result).errors()).containsExactlyInAnyOrder(
                "pricing.amountMinor is required (from ListPrice)",
                "property.address.latitude must be between -90 and 90 (from Latitude)");

        broken = flat();
        broken.put("PropertySubType", "Castle");
        broken.put("BedroomsTotal", "two");
        assertThat(((FieldMapper.Rejected) new FieldMapper(CrmType.RESO, ImportRequests.FieldMapping.NONE).map(reso(broken))).errors())
                .containsExactlyInAnyOrder("type: 'Castle' (PropertySubType) is not a property type we know; map it in fieldMapping.propertyTypes",
                        "rooms: 'two' (BedroomsTotal) is not a number");
    }

    @Test
    void theAgencysMappingOverridesTheDefaultsWithOtherFieldsConstantsAndTranslations() {
        Map<String, String> fields = flat();
        fields.put("PropertySubType", "Castle");
        fields.put("OriginalListPrice", "99");
        var mapping = new ImportRequests.FieldMapping(Map.of("price", "OriginalListPrice", "currency", "=CHF"), Map.of("castle", "house"), Map.of());
        var request = ((FieldMapper.Mapped) new FieldMapper(CrmType.RESO, mapping).map(reso(fields))).request();

        assertThat(request.property().type()).isEqualTo("house");
        assertThat(request.pricing().amountMinor()).isEqualTo(9_900L);
        assertThat(request.pricing().currency()).isEqualTo("CHF");
    }

    @Test
    void theContentHashChangesWithWhatWouldBeStoredAndOnlyWithIt() {
        FieldMapper mapper = new FieldMapper(CrmType.RESO, ImportRequests.FieldMapping.NONE);
        String hash = ((FieldMapper.Mapped) mapper.map(reso(flat()))).contentHash();
        Map<String, String> unrelated = flat();
        unrelated.put("ModificationTimestamp", "2026-12-01T00:00:00Z");
        Map<String, String> cheaper = flat();
        cheaper.put("ListPrice", "1200");

        assertThat(((FieldMapper.Mapped) mapper.map(reso(flat()))).contentHash()).isEqualTo(hash);
        assertThat(((FieldMapper.Mapped) mapper.map(reso(unrelated))).contentHash()).as("a field not mapped").isEqualTo(hash);
        assertThat(((FieldMapper.Mapped) mapper.map(reso(cheaper))).contentHash()).isNotEqualTo(hash);
    }
}
