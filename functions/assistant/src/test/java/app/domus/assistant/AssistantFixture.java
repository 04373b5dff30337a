package app.domus.assistant;

import app.domus.assistant.chat.Assistant;
import app.domus.assistant.chat.ChatHandler;
import app.domus.assistant.chat.Conversations;
import app.domus.assistant.intent.Classifiers;
import app.domus.assistant.knowledge.KnowledgeBase;
import app.domus.assistant.knowledge.KnowledgeFiles;
import app.domus.assistant.knowledge.UploadKnowledgeHandler;
import app.domus.shared.ai.AiGateway;
import app.domus.shared.directory.BuildingItem;
import app.domus.shared.directory.Role;
import app.domus.shared.directory.UnitItem;
import app.domus.shared.testing.DirectoryWorld;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The directory world with the assistant's services, the knowledge's files in memory, and two organisations: Estate
 * (building B, manager Mia, tenant Tom of unit 1) and Other (building X, manager Max).
 */
public final class AssistantFixture extends DirectoryWorld {
    public final Map<String, byte[]> files = new TreeMap<>();
    /** The keys deleted, in order. */
    public final List<String> deleted = new ArrayList<>();
    public final KnowledgeFiles store = new KnowledgeFiles() {
        @Override
        public void put(String key, byte[] content, String contentType) {
            files.put(key, content.clone());
        }

        @Override
        public byte[] get(String key) {
            byte[] content = files.get(key);
            if (content == null) throw new IllegalStateException("no file " + key);
            return content.clone();
        }

        @Override
        public void delete(String key) {
            deleted.add(key);
            files.remove(key);
        }
    };
    public final AiGateway gateway = new AiGateway(table, clock, d -> {}, AiGateway.breakerSettings());
    public final KnowledgeBase knowledge = new KnowledgeBase(table, access, store, clock);
    public final Conversations conversations = new Conversations(table, clock);
    public final Assistant assistant = new Assistant(access, table, knowledge, conversations, gateway,
            AssistantModule.chains(new Classifiers(), () -> { throw new AssertionError("no Bedrock in tests"); }));
    public final ChatHandler chat = new ChatHandler(assistant);
    public final UploadKnowledgeHandler upload = new UploadKnowledgeHandler(idempotency, knowledge);

    public final String org = organisation("Estate");
    public final BuildingItem building = building(org, "B");
    public final UnitItem unit = unit(building, "1");
    public final String mia = user("mia");
    public final String tom = user("tom");

    public final String otherOrg = organisation("Other");
    public final BuildingItem otherBuilding = building(otherOrg, "X");
    public final String max = user("max");

    public AssistantFixture() {
        member(mia, org, Role.MANAGER, building.getId(), null);
        member(tom, org, Role.TENANT, building.getId(), unit.getId());
        member(max, otherOrg, Role.MANAGER, otherBuilding.getId(), null);
    }
}
