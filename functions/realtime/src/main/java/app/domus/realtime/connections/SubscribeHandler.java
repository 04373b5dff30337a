package app.domus.realtime.connections;

import app.domus.realtime.RealtimeComponent;
import app.domus.realtime.socket.WebSocketHandler;
import app.domus.realtime.socket.WebSocketRequest;
import app.domus.shared.live.LiveTopicItem;
import app.domus.realtime.topics.Topics;
import app.domus.shared.access.AccessService;
import app.domus.shared.access.Action;
import app.domus.shared.auth.Caller;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.ProblemType;

/**
 * {@code subscribe}: follows a topic. A personal topic ({@code user:<userId>}) is followed by its user alone (every
 * connection follows it from the start; subscribing again changes nothing); a topic with members (a conversation) by
 * its members; any other topic by whoever may read its building. To anyone else the topic does not exist.
 */
public class SubscribeHandler extends WebSocketHandler {
    private final AccessService access;
    private final ConnectionStore connections;
    private final Topics topics;

    public SubscribeHandler() {
        this(RealtimeComponent.create());
    }

    private SubscribeHandler(RealtimeComponent wiring) {
        this(wiring.access(), wiring.connections(), wiring.topics());
    }

    SubscribeHandler(AccessService access, ConnectionStore connections, Topics topics) {
        this.access = access;
        this.connections = connections;
        this.topics = topics;
    }

    @Override
    protected Object handle(WebSocketRequest request) {
        TopicMessage message = request.json(TopicMessage.class);
        ConnectionItem connection = connections.find(request.connectionId())
                .orElseThrow(() -> new ApiException(ProblemType.UNAUTHORIZED, "This connection has expired; connect again"));
        LiveTopicItem topic = topics.followable(message.topic(), connection.getUserId());
        if (topic.admits(connection.getUserId()) == null) {
            try {
                access.building(new Caller(connection.getUserId(), null, null), topic.getBuildingId(), Action.READ);
            } catch (ApiException e) {
                if (e.type() == ProblemType.NOT_FOUND) throw ApiException.notFound("The topic");
                throw e;
            }
        }
        connections.subscribe(connection, topic);
        return new TopicReply("subscribed", topic.getName());
    }
}
