package app.domus.votes.vote;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;

/** One answer a ballot may choose, kept inside its vote. */
@DynamoDbBean
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
}
