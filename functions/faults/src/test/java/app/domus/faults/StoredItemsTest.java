package app.domus.faults;

import app.domus.shared.testing.StoredItems;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The faults context's items: static schemas that store what the bean mapper stored, round trips, versions. */
class StoredItemsTest {

    @TestFactory
    Stream<DynamicTest> everyItemOfTheContextHasAStaticSchemaAndKeepsItsStoredFormat() {
        return StoredItems.ofModuleOf(FaultsComponent.class);
    }

    @TestFactory
    Stream<DynamicTest> everyAttributeOfAnItemIsWrittenUnderItsNameWithTheValueSet() {
        return StoredItems.valuesOfModuleOf(FaultsComponent.class);
    }
}
