package app.domus.local.iot;

import io.moquette.broker.security.IAuthenticator;
import io.moquette.broker.security.IAuthorizatorPolicy;
import io.moquette.broker.subscriptions.Topic;
import io.moquette.interception.AbstractInterceptHandler;
import io.moquette.interception.messages.InterceptConnectMessage;
import io.moquette.interception.messages.InterceptConnectionLostMessage;
import io.moquette.interception.messages.InterceptDisconnectMessage;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The broker's security when the template has a custom authorizer: every CONNECT is put to the {@link DeviceAuthorizer},
 * and the policy it returned governs that connection's publishes ({@code iot:Publish} on {@code topic/<topic>}) and
 * subscriptions ({@code iot:Subscribe} on {@code topicfilter/<filter>}) until it disconnects. A disallowed publish is
 * dropped, a disallowed subscription gets a failure in its SUBACK. The local cloud's own publishes (the IoT data API)
 * go through {@code Server.internalPublish}, which Moquette never puts to a policy.
 *
 * <p>Moquette names a connection only by its client id, and reports connects and disconnects later, on its
 * interceptor thread (in the order its session loop saw them). So a policy is kept in two stages: from its
 * authentication until the connect is reported, and from then until the disconnect of that client id is reported. A
 * client's newest authentication applies, so a device reconnecting with the same client id gets its new policy even
 * before the broker has reported the old connection gone.
 */
final class AuthorizedConnections extends AbstractInterceptHandler implements IAuthenticator, IAuthorizatorPolicy {
    private final DeviceAuthorizer authorizer;
    private final Map<String, IotPolicy> authenticated = new ConcurrentHashMap<>();
    private final Map<String, IotPolicy> connected = new ConcurrentHashMap<>();

    AuthorizedConnections(DeviceAuthorizer authorizer) {
        this.authorizer = authorizer;
    }

    @Override
    public boolean checkValid(String clientId, String username, byte[] password) {
        DeviceAuthorizer.Decision decision = authorizer.authorize(clientId, username, password);
        if (!decision.admitted()) {
            System.err.println("[mqtt] refused client " + clientId + " (user " + username + "): " + decision.refusal());
            return false;
        }
        authenticated.put(clientId, decision.policy());
        return true;
    }

    @Override
    public boolean canWrite(Topic topic, String username, String clientId) {
        return allowed("iot:Publish", "topic/" + topic, clientId, "dropped a publish to " + topic);
    }

    @Override
    public boolean canRead(Topic topicFilter, String username, String clientId) {
        return allowed("iot:Subscribe", "topicfilter/" + topicFilter, clientId, "refused a subscription to " + topicFilter);
    }

    private boolean allowed(String action, String resource, String clientId, String consequence) {
        IotPolicy policy = policy(clientId);
        String arn = authorizer.arn(resource);
        if (policy != null && policy.allows(action, arn, clientId)) return true;
        System.err.println("[mqtt] " + consequence + " by client " + clientId + ": "
                + (policy == null ? "it has no authorized connection" : "its policy does not allow " + action + " on " + arn));
        return false;
    }

    private IotPolicy policy(String clientId) {
        IotPolicy newest = authenticated.get(clientId);
        return newest != null ? newest : connected.get(clientId);
    }

    @Override
    public String getID() {
        return "iot-custom-authorizer";
    }

    @Override
    public Class<?>[] getInterceptedMessageTypes() {
        return new Class<?>[] {InterceptConnectMessage.class, InterceptDisconnectMessage.class, InterceptConnectionLostMessage.class};
    }

    @Override
    public void onConnect(InterceptConnectMessage message) {
        // Moved without a gap in which the client has no policy, and without dropping a newer authentication.
        IotPolicy policy = authenticated.get(message.getClientID());
        if (policy == null) return;
        connected.put(message.getClientID(), policy);
        authenticated.remove(message.getClientID(), policy);
    }

    @Override
    public void onDisconnect(InterceptDisconnectMessage message) {
        connected.remove(message.getClientID());
    }

    @Override
    public void onConnectionLost(InterceptConnectionLostMessage message) {
        connected.remove(message.getClientID());
    }

    /** Not called: this handler is registered for connection events only; the broker's other interceptor logs loop errors. */
    @Override
    public void onSessionLoopError(Throwable error) {
        System.err.println("[mqtt] " + error);
    }
}
