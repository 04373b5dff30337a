package app.domus.shared.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A schema built with {@link ItemSchema}: the table's keys first, then each kind of attribute stored as the bean mapper stored it. */
class ItemSchemaTest {
    public static class Line {
        private String text;
        private Long cents;
        public String getText() { return text; }
        public void setText(String text) { this.text = text; }
        public Long getCents() { return cents; }
        public void setCents(Long cents) { this.cents = cents; }
    }

    public static class Sample extends TableItem {
        private String name;
        private Integer count;
        private List<String> tags;
        private Set<String> rights;
        private List<Line> lines;
        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public Integer getCount() { return count; }
        public void setCount(Integer count) { this.count = count; }
        public List<String> getTags() { return tags; }
        public void setTags(List<String> tags) { this.tags = tags; }
        public Set<String> getRights() { return rights; }
        public void setRights(Set<String> rights) { this.rights = rights; }
        public List<Line> getLines() { return lines; }
        public void setLines(List<Line> lines) { this.lines = lines; }
    }

    private static final TableSchema<Line> LINE = ItemSchema.document(Line.class, Line::new)
            .text("text", Line::getText, Line::setText)
            .attribute(Long.class, "cents", Line::getCents, Line::setCents)
            .build();

    private static TableSchema<Sample> schema() {
        return ItemSchema.item(Sample.class, Sample::new)
                .text("name", Sample::getName, Sample::setName)
                .attribute(Integer.class, "count", Sample::getCount, Sample::setCount)
                .textList("tags", Sample::getTags, Sample::setTags)
                .textSet("rights", Sample::getRights, Sample::setRights)
                .documents("lines", Line.class, LINE, Sample::getLines, Sample::setLines)
                .build();
    }

    @Test
    void everyKindOfAttributeIsStoredAsTheBeanMapperStoredItAndReadBack() {
        Sample sample = new Sample();
        sample.setPk("P");
        sample.setSk("S");
        sample.setGsi1pk("G1");
        sample.setVersion(3L);
        sample.setTtl(99L);
        sample.setName("n");
        sample.setCount(4);
        sample.setTags(List.of("b", "a"));
        sample.setRights(new LinkedHashSet<>(List.of("VOTE", "PAY")));
        Line line = new Line();
        line.setText("rent");
        line.setCents(12_500L);
        sample.setLines(List.of(line));

        TableSchema<Sample> schema = schema();
        Map<String, AttributeValue> stored = schema.itemToMap(sample, true);
        assertThat(stored.keySet()).containsExactlyInAnyOrder("pk", "sk", "gsi1pk", "version", "ttl", "name", "count", "tags", "rights", "lines");
        assertThat(stored.get("pk").s()).isEqualTo("P");
        assertThat(stored.get("version").n()).isEqualTo("3");
        assertThat(stored.get("ttl").n()).isEqualTo("99");
        assertThat(stored.get("name").s()).isEqualTo("n");
        assertThat(stored.get("count").n()).isEqualTo("4");
        assertThat(stored.get("tags").l()).extracting(AttributeValue::s).containsExactly("b", "a");
        assertThat(stored.get("rights").ss()).containsExactlyInAnyOrder("VOTE", "PAY");
        assertThat(stored.get("lines").l()).hasSize(1);
        assertThat(stored.get("lines").l().getFirst().m()).isEqualTo(Map.of("text", AttributeValue.fromS("rent"), "cents", AttributeValue.fromN("12500")));

        Sample read = schema.mapToItem(stored);
        assertThat(read.getPk()).isEqualTo("P");
        assertThat(read.getGsi1pk()).isEqualTo("G1");
        assertThat(read.getVersion()).isEqualTo(3L);
        assertThat(read.getCount()).isEqualTo(4);
        assertThat(read.getTags()).containsExactly("b", "a");
        assertThat(read.getRights()).containsExactlyInAnyOrder("VOTE", "PAY");
        assertThat(read.getLines().getFirst().getText()).isEqualTo("rent");
        assertThat(read.getLines().getFirst().getCents()).isEqualTo(12_500L);
    }

    @Test
    void theKeysAreTheTablesIndexes() {
        TableSchema<Sample> schema = schema();
        assertThat(schema.tableMetadata().primaryPartitionKey()).isEqualTo("pk");
        assertThat(schema.tableMetadata().primarySortKey()).contains("sk");
        assertThat(schema.tableMetadata().indexPartitionKey(TableItem.GSI1)).isEqualTo("gsi1pk");
        assertThat(schema.tableMetadata().indexSortKey(TableItem.GSI1)).contains("gsi1sk");
        assertThat(schema.tableMetadata().indexPartitionKey(TableItem.GSI2)).isEqualTo("gsi2pk");
        assertThat(schema.tableMetadata().indexSortKey(TableItem.GSI2)).contains("gsi2sk");
    }
}
