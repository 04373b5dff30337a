package app.domus.assistant;

import app.domus.shared.testing.StoredItems;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The assistant context's items: static schemas, their stored format, round trips, versions. */
class StoredItemsTest {

    @TestFactory
    Stream<DynamicTest> everyItemOfTheContextHasAStaticSchemaAndKeepsItsStoredFormat() {
        return StoredItems.ofModuleOf(AssistantComponent.class);
    }

    @TestFactory
    Stream<DynamicTest> everyAttributeOfAnItemIsWrittenUnderItsNameWithTheValueSet() {
        return StoredItems.valuesOfModuleOf(AssistantComponent.class);
    }
}
