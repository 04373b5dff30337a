package app.domus.rentals;

import app.domus.shared.testing.StoredItems;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The rentals context's items: static schemas, their stored format, round trips, versions. */
class StoredItemsTest {

    @TestFactory
    Stream<DynamicTest> everyItemOfTheContextHasAStaticSchemaAndKeepsItsStoredFormat() {
        return StoredItems.ofModuleOf(RentalsComponent.class);
    }

    @TestFactory
    Stream<DynamicTest> everyAttributeOfAnItemIsWrittenUnderItsNameWithTheValueSet() {
        return StoredItems.valuesOfModuleOf(RentalsComponent.class);
    }
}
