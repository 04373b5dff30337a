package app.domus.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Where each part of the local cloud listens. All on the loopback interface: the local cloud is for this machine only. */
public record LocalEndpoints(int httpPort, int webSocketPort, int mqttPort, int awsPort, int dynamoDbPort, int sqsPort, int s3Port) {
    public static final String HOST = "127.0.0.1";

    /** Replaces every port given as 0 with a free one. */
    static LocalEndpoints allocate(LocalCloudOptions options) {
        return new LocalEndpoints(free(options.httpPort()), free(options.webSocketPort()), free(options.mqttPort()),
                free(options.awsPort()), free(options.dynamoDbPort()), free(options.sqsPort()), free(options.s3Port()));
    }

    public String httpUrl() {
        return url("http", httpPort);
    }

    public String webSocketUrl() {
        return url("ws", webSocketPort);
    }

    public String mqttUrl() {
        return url("tcp", mqttPort);
    }

    /** The small AWS APIs the local cloud answers itself: SNS, SES, SSM, IoT data, the {@code @connections} API. */
    public String awsUrl() {
        return url("http", awsPort);
    }

    public String dynamoDbUrl() {
        return url("http", dynamoDbPort);
    }

    public String sqsUrl() {
        return url("http", sqsPort);
    }

    public String s3Url() {
        return url("http", s3Port);
    }

    private static String url(String scheme, int port) {
        return scheme + "://" + HOST + ":" + port;
    }

    private static int free(int requested) {
        if (requested != 0) return requested;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
