package app.domus.shared.persistence;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.shared.testing.StoredItems;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The kernel's items: static schemas that store what the bean mapper stored, round trips, versions. */
class StoredItemsTest {

    @TestFactory
    Stream<DynamicTest> everyItemOfTheKernelHasAStaticSchemaAndKeepsItsStoredFormat() {
        return StoredItems.ofModuleOf(TableItem.class);
    }

    @TestFactory
    Stream<DynamicTest> everyAttributeOfTheKernelsItemsIsWrittenAndReadBackWithTheValueSet() {
        return StoredItems.valuesOfModuleOf(TableItem.class);
    }

    @Test
    void refusesAClassWithoutItsOwnStaticSchema() {
        assertThatThrownBy(() -> DomusTable.schema(WithoutSchema.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no static table schema");
        assertThatThrownBy(() -> DomusTable.schema(InheritsASchema.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no static table schema");
    }

    public static class WithoutSchema extends TableItem {}

    public static class InheritsASchema extends app.domus.shared.directory.EmailItem {}
}
