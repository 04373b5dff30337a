package app.domus.audit;

import app.domus.shared.testing.StoredItems;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class StoredItemsTest {

    @TestFactory
    Stream<DynamicTest> everyItemOfTheContextHasAStaticSchemaAndKeepsItsStoredFormat() {
        return StoredItems.ofModuleOf(AuditComponent.class);
    }

    @TestFactory
    Stream<DynamicTest> everyAttributeOfAnItemIsWrittenUnderItsNameWithTheValueSet() {
        return StoredItems.valuesOfModuleOf(AuditComponent.class);
    }
}
