package app.domus.realtime;

import app.domus.realtime.auth.AccessTokenVerifier;
import app.domus.realtime.auth.TokenKeysModule;
import app.domus.realtime.broadcast.ManagementApiModule;
import app.domus.realtime.broadcast.TopicBroadcaster;
import app.domus.realtime.connections.ConnectionStore;
import app.domus.realtime.topics.Topics;
import app.domus.realtime.typing.Typing;
import app.domus.shared.access.AccessService;
import app.domus.shared.aws.AwsModule;
import app.domus.shared.notify.NotificationSender;
import dagger.Component;
import jakarta.inject.Singleton;

/** Wiring of the WebSocket API's functions, built once per cold start by each handler's public constructor. */
@Singleton
@Component(modules = {AwsModule.class, TokenKeysModule.class, ManagementApiModule.class})
public interface RealtimeComponent {
    AccessService access();

    ConnectionStore connections();

    Topics topics();

    AccessTokenVerifier accessTokens();

    NotificationSender notifications();

    /** The typing indicator; its relay builds the broadcaster on first use. */
    Typing typing();

    /** Built on first use only: the management API's client needs {@code WEBSOCKET_MANAGEMENT_ENDPOINT}. */
    TopicBroadcaster broadcaster();

    static RealtimeComponent create() {
        return DaggerRealtimeComponent.create();
    }
}
