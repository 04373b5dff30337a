package app.domus.finance.consumption;

import app.domus.finance.FinanceAccess;
import app.domus.finance.invoices.InvoiceRequests;
import app.domus.shared.auth.Caller;
import app.domus.shared.directory.BuildingItem;
import app.domus.shared.persistence.DomusTable;
import app.domus.shared.validation.Validated;
import app.domus.shared.validation.Validator;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** A building's tariffs per meter type, set as a whole by its managers ({@code PUT /buildings/{buildingId}/tariffs}). */
@Singleton
public class Tariffs {
    /** The meter types of the meters context, by their wire names. */
    public static final Set<String> METER_TYPES = Set.of("cold_water", "hot_water", "heat", "electricity", "gas");

    /** {@code unitPrice}: whole minor units per unit of measure (450 for 4.50 EUR a m³); {@code vatRate}: a percentage. */
    public record Price(BigDecimal unitPrice, BigDecimal vatRate) {}

    /** The body: a price per meter type, e.g. {@code {"cold_water": {"unitPrice": 450, "vatRate": 10}}}. */
    public static final class SetTariffs implements Validated {
        private final Map<String, Price> prices = new TreeMap<>();

        @JsonAnySetter
        public void put(String meterType, Price price) {
            prices.put(meterType, price);
        }

        public Map<String, Price> prices() {
            return prices;
        }

        @Override
        public void validate(Validator v) {
            if (prices.isEmpty()) v.error("tariffs", "name at least one meter type: " + String.join(", ", new java.util.TreeSet<>(METER_TYPES)));
            prices.forEach((type, price) -> {
                if (!METER_TYPES.contains(type)) {
                    v.error(type, "is not a meter type; one of " + String.join(", ", new java.util.TreeSet<>(METER_TYPES)));
                    return;
                }
                if (price == null) {
                    v.error(type, "is required");
                    return;
                }
                if (v.required(type + ".unitPrice", price.unitPrice())) {
                    if (price.unitPrice().signum() < 0 || price.unitPrice().compareTo(BigDecimal.valueOf(InvoiceRequests.MAX_UNIT_PRICE)) > 0) {
                        v.error(type + ".unitPrice", "must be from 0 to " + InvoiceRequests.MAX_UNIT_PRICE + " minor units");
                    } else if (price.unitPrice().stripTrailingZeros().scale() > 0) {
                        v.error(type + ".unitPrice", "must be a whole number of minor units (cents for EUR) per unit of measure");
                    }
                }
                InvoiceRequests.vatRate(v, type + ".vatRate", price.vatRate());
            });
        }
    }

    private final DomusTable table;
    private final FinanceAccess access;
    private final Clock clock;

    @Inject
    public Tariffs(DomusTable table, FinanceAccess access, Clock clock) {
        this.table = table;
        this.access = access;
        this.clock = clock;
    }

    /** Replaces the building's tariffs. */
    public TariffsItem set(Caller caller, String buildingId, SetTariffs request) {
        access.managedBuilding(caller, buildingId);
        List<Tariff> tariffs = new ArrayList<>();
        request.prices().forEach((type, price) -> tariffs.add(Tariff.of(type, price.unitPrice().longValueExact(),
                price.vatRate().stripTrailingZeros().toPlainString())));
        TariffsItem item = of(buildingId).orElseGet(TariffsItem::new);
        item.setPk(BuildingItem.pk(buildingId));
        item.setSk(TariffsItem.SK);
        item.setBuildingId(buildingId);
        item.setTariffs(tariffs);
        item.setUpdatedBy(caller.userId());
        item.setUpdatedAt(clock.instant().toString());
        // At the version read: two managers setting tariffs at once do not silently mix; the later one is 409.
        try {
            return item.getVersion() == null ? put(item) : table.of(TariffsItem.class).updateItem(item);
        } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException e) {
            throw app.domus.shared.http.ApiException.conflict("The building's tariffs were changed meanwhile; try again");
        }
    }

    public Optional<TariffsItem> of(String buildingId) {
        return table.get(TariffsItem.class, BuildingItem.pk(buildingId), TariffsItem.SK);
    }

    private TariffsItem put(TariffsItem item) {
        table.of(TariffsItem.class).putItem(item);
        item.setVersion(1L);
        return item;
    }
}
