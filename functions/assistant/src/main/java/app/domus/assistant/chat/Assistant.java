package app.domus.assistant.chat;

import app.domus.assistant.intent.Intent;
import app.domus.assistant.knowledge.KnowledgeBase;
import app.domus.assistant.knowledge.Passage;
import app.domus.shared.access.AccessService;
import app.domus.shared.ai.AiAgentOff;
import app.domus.shared.ai.AiGateway;
import app.domus.shared.ai.AiTask;
import app.domus.shared.auth.Caller;
import app.domus.shared.directory.BuildingItem;
import app.domus.shared.directory.MembershipItem;
import app.domus.shared.directory.Role;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.ProblemType;
import app.domus.shared.persistence.TableItem;
import app.domus.shared.persistence.DomusTable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One chat turn: the caller's conversation opened (or begun), the message classified, the caller's own buildings'
 * knowledge searched, the answer written, the exchange saved. Both model steps run through the AI gateway as the
 * organisation's {@code chat} task, so an admin can switch the agent off (503 {@code ai-agent-off}) and every turn is in
 * the run log. A reported fault is not written here: the answer pre-fills the fault form and carries the request the
 * app sends to {@code POST /faults}.
 */
@Singleton
public class Assistant {
    private final AccessService access;
    private final DomusTable table;
    private final KnowledgeBase knowledge;
    private final Conversations conversations;
    private final AiGateway gateway;
    private final ChatChains chains;

    /** An action the app can take for the resident: a request it sends when the resident confirms. */
    public record Action(String type, String method, String path, Map<String, Object> body) {}

    public record Reply(String conversationId, String intent, String response, List<ChatTurn.Source> sources,
                        List<Action> actions, Map<String, Object> prefillData, boolean generated) {}

    @Inject
    public Assistant(AccessService access, DomusTable table, KnowledgeBase knowledge, Conversations conversations, AiGateway gateway,
                     ChatChains chains) {
        this.access = access;
        this.table = table;
        this.knowledge = knowledge;
        this.conversations = conversations;
        this.gateway = gateway;
        this.chains = chains;
    }

    public Reply chat(Caller caller, ChatRequest request) {
        List<MembershipItem> memberships = access.memberships(caller.userId()).stream()
                .sorted(Comparator.comparing(MembershipItem::getOrganisationId)).toList();
        if (memberships.isEmpty()) throw ApiException.forbidden("The assistant answers members of a building's organisation");
        ConversationItem conversation = request.conversationId() == null
                ? conversations.open(caller.userId(), memberships.getFirst().getOrganisationId(), null)
                : conversations.open(caller.userId(), null, request.conversationId());
        String orgId = conversation.getOrganisationId();
        List<MembershipItem> mine = memberships.stream().filter(m -> orgId.equals(m.getOrganisationId())).toList();
        if (mine.isEmpty()) throw ApiException.notFound("The conversation");
        List<Conversations.Turn> history = conversations.turns(conversation);
        String message = request.message().strip();
        String inContext = inContext(message, history);
        try {
            Classification classification = gateway.run(AiTask.CHAT, orgId, new Classification.Input(inContext), Classification.class,
                    chains.classify()).output();
            Intent intent = Intent.valueOf(classification.intent());
            Reply reply = intent == Intent.REPORT_FAULT
                    ? faultReply(conversation, inContext, classification.faultCategory(), mine)
                    : answer(conversation, orgId, intent, message, inContext, history, buildings(orgId, mine));
            conversations.save(conversation, new Conversations.Turn("user", message, intent.wire()),
                    new Conversations.Turn("assistant", reply.response(), intent.wire()));
            return reply;
        } catch (AiAgentOff off) {
            throw new ApiException(ProblemType.AI_AGENT_OFF,
                    "Your organisation has switched the assistant off. Ask your building's manager, or report a fault in the app.");
        }
    }

    /** A short follow-up ("and on Sundays?") is classified and searched with the message it follows. */
    static String inContext(String message, List<Conversations.Turn> history) {
        if (message.split("\\s+").length >= 4) return message;
        for (int i = history.size() - 1; i >= 0; i--) {
            if ("user".equals(history.get(i).role())) return history.get(i).text() + " " + message;
        }
        return message;
    }

    private Reply answer(ConversationItem conversation, String orgId, Intent intent, String message, String query,
                         List<Conversations.Turn> history, List<String> buildingIds) {
        List<Passage> passages = intent == Intent.SMALL_TALK ? List.of() : knowledge.search(orgId, buildingIds, query);
        List<Conversations.Turn> context = history.size() > 6 ? history.subList(history.size() - 6, history.size()) : history;
        ChatTurn.Output output = intent == Intent.SMALL_TALK && passages.isEmpty()
                ? new ChatTurn.Output("Hello! I answer questions about your building from its documents, and I can help you report a fault.",
                        List.of(), false)
                : gateway.run(AiTask.CHAT, orgId, new ChatTurn.Input(message, intent.wire(), List.copyOf(context), passages),
                        ChatTurn.Output.class, chains.answer()).output();
        return new Reply(conversation.getConversationId(), intent.wire(), output.answer(), output.sources(), List.of(), null, output.generated());
    }

    private Reply faultReply(ConversationItem conversation, String message, String category, List<MembershipItem> mine) {
        MembershipItem home = mine.stream().filter(m -> m.getUnitId() != null).findFirst()
                .orElse(mine.stream().filter(m -> m.getBuildingId() != null).findFirst().orElse(null));
        Map<String, Object> prefill = new LinkedHashMap<>();
        prefill.put("title", title(message));
        prefill.put("description", message.length() > 4000 ? message.substring(0, 4000) : message);
        prefill.put("category", category.toLowerCase(Locale.ROOT));
        if (home != null) prefill.put("buildingId", home.getBuildingId());
        if (home != null && home.getUnitId() != null) prefill.put("unitId", home.getUnitId());
        String text = "It sounds like a " + category.toLowerCase(Locale.ROOT).replace('_', ' ') + " fault. I have filled in the fault form"
                + " for you: check it and send it, and your building's manager will take it from there.";
        List<Action> actions = home == null ? List.of() : List.of(new Action("submit_fault", "POST", "/faults", prefill));
        return new Reply(conversation.getConversationId(), Intent.REPORT_FAULT.wire(), text, List.of(), actions, prefill, false);
    }

    /** The buildings whose knowledge the caller may read: their memberships' buildings; all the organisation's for an admin. */
    private List<String> buildings(String orgId, List<MembershipItem> mine) {
        if (mine.stream().anyMatch(m -> m.roleValue() == Role.ORG_ADMIN)) {
            return table.allInIndex(BuildingItem.class, TableItem.GSI1, BuildingItem.byOrganisation(orgId)).stream()
                    .map(BuildingItem::getId).toList();
        }
        return mine.stream().map(MembershipItem::getBuildingId).filter(java.util.Objects::nonNull).distinct().toList();
    }

    /** The message's first sentence, at most 120 characters, capitalised (the fault form's title is 3 to 120). */
    static String title(String message) {
        String first = message.split("(?<=[.!?])\\s+|\\n", 2)[0].strip();
        if (first.length() > 120) first = first.substring(0, 117).strip() + "...";
        if (first.length() < 3) first = "Fault reported in the chat";
        return Character.toUpperCase(first.charAt(0)) + first.substring(1);
    }
}
