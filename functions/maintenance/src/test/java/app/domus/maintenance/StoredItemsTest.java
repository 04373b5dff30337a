package app.domus.maintenance;

import app.domus.shared.testing.StoredItems;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The maintenance context's items: static schemas, their stored format, round trips, versions. */
class StoredItemsTest {

    @TestFactory
    Stream<DynamicTest> everyItemOfTheContextHasAStaticSchemaAndKeepsItsStoredFormat() {
        return StoredItems.ofModuleOf(MaintenanceComponent.class);
    }

    @TestFactory
    Stream<DynamicTest> everyAttributeOfAnItemIsWrittenUnderItsNameWithTheValueSet() {
        return StoredItems.valuesOfModuleOf(MaintenanceComponent.class);
    }
}
