package app.domus.finance.consumption;

import static app.domus.shared.testing.DirectoryWorld.caller;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.finance.FinanceFixture;
import app.domus.shared.testing.Refusals;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What setting a building's tariffs records, two managers at once, and the bounds of a price. */
class TariffsRecordsTest {
    private final FinanceFixture f = new FinanceFixture();

    private static Tariffs.SetTariffs prices(String type, String unitPrice, String vatRate) {
        Tariffs.SetTariffs prices = new Tariffs.SetTariffs();
        prices.put(type, new Tariffs.Price(unitPrice == null ? null : new BigDecimal(unitPrice), vatRate == null ? null : new BigDecimal(vatRate)));
        return prices;
    }

    @Test
    void tariffsRecordTheirBuildingWhoSetThemAndWhenAndEachChangeIsANewVersion() {
        f.clock.set(Instant.parse("2026-03-03T08:00:00Z"));
        TariffsItem first = f.tariffs.set(caller(f.manager), f.building.getId(), prices("heat", "95", "7.50"));
        assertThat(first.getVersion()).isEqualTo(1L);
        TariffsItem stored = f.tariffs.of(f.building.getId()).orElseThrow();
        assertThat(stored.getBuildingId()).isEqualTo(f.building.getId());
        assertThat(stored.getUpdatedBy()).isEqualTo(f.manager);
        assertThat(stored.getUpdatedAt()).isEqualTo("2026-03-03T08:00:00Z");
        assertThat(stored.getTariffs()).singleElement().satisfies(t -> {
            assertThat(t.getUnitPrice()).isEqualTo(95L);
            assertThat(t.getVatRate()).isEqualTo("7.5");
        });

        String admin = f.user("admin");
        f.member(admin, f.org, app.domus.shared.directory.Role.ORG_ADMIN, null, null);
        f.clock.set(Instant.parse("2026-03-04T08:00:00Z"));
        TariffsItem second = f.tariffs.set(caller(admin), f.building.getId(), prices("heat", "100", "7"));
        assertThat(second.getVersion()).isEqualTo(2L);
        assertThat(f.tariffs.of(f.building.getId()).orElseThrow()).satisfies(t -> {
            assertThat(t.getVersion()).isEqualTo(2L);
            assertThat(t.getUpdatedBy()).isEqualTo(admin);
            assertThat(t.getUpdatedAt()).isEqualTo("2026-03-04T08:00:00Z");
            assertThat(t.getTariffs()).singleElement().satisfies(p -> assertThat(p.getUnitPrice()).isEqualTo(100L));
        });
        assertThat(f.tariffs.of(f.building(f.org, "Other").getId())).isEmpty();
    }

    @Test
    void aManagerWhoseTariffsWereChangedMeanwhileIsTold409AndTheOtherChangeStands() {
        f.tariffs.set(caller(f.manager), f.building.getId(), prices("heat", "95", "7"));
        Tariffs racing = new Tariffs(f.table, f.financeAccess, f.clock) {
            @Override
            public Optional<TariffsItem> of(String buildingId) {
                Optional<TariffsItem> read = super.of(buildingId);
                TariffsItem other = super.of(buildingId).orElseThrow();
                other.setUpdatedBy("someone-else");
                f.table.of(TariffsItem.class).updateItem(other);
                return read;
            }
        };
        assertThat(Refusals.status(() -> racing.set(caller(f.manager), f.building.getId(), prices("gas", "120", "7")))).isEqualTo(409);
        assertThat(Refusals.detail(() -> racing.set(caller(f.manager), f.building.getId(), prices("gas", "120", "7"))))
                .isEqualTo("The building's tariffs were changed meanwhile; try again");
        assertThat(f.tariffs.of(f.building.getId()).orElseThrow().getTariffs()).extracting(Tariff::getMeterType).containsExactly("heat");
    }

    @Test
    void aPriceIsAWholeNumberOfMinorUnitsFromNothingToTheInvoicesMaximum() {
        assertThat(Refusals.errors(prices("gas", "0", "0"))).isEmpty();
        assertThat(Refusals.errors(prices("gas", "1000000000", "100"))).isEmpty();
        assertThat(Refusals.errors(prices("gas", "450.00", "10.00"))).isEmpty();
        assertThat(Refusals.errors(prices("gas", "1000000001", "10"))).containsExactly("gas.unitPrice");
        assertThat(Refusals.errors(prices("gas", "-1", "10"))).containsExactly("gas.unitPrice");
        assertThat(Refusals.errors(prices("gas", "4.5", "10"))).containsExactly("gas.unitPrice");
        assertThat(Refusals.errors(prices("gas", "1", "100.5"))).containsExactly("gas.vatRate");
        Tariffs.SetTariffs none = new Tariffs.SetTariffs();
        none.put("heat", null);
        assertThat(Refusals.errors(none)).containsExactly("heat");
        var v = new app.domus.shared.validation.Validator();
        prices("gas", "4.5", "10").validate(v);
        assertThat(v.errors().getFirst().message()).isEqualTo("must be a whole number of minor units (cents for EUR) per unit of measure");
    }
}
