package app.domus.votes.vote;

import app.domus.shared.persistence.ItemSchema;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/** One answer a ballot may choose, kept inside its vote. */
public class VoteOption {
    private String id;
    private String label;

    public static VoteOption of(String id, String label) {
        VoteOption option = new VoteOption();
        option.setId(id);
        option.setLabel(label);
        return option;
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getLabel() { return label; }
    public void setLabel(String label) { this.label = label; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<VoteOption> SCHEMA = ItemSchema.document(VoteOption.class, VoteOption::new)
            .text("id", VoteOption::getId, VoteOption::setId)
            .text("label", VoteOption::getLabel, VoteOption::setLabel)
            .build();
}
