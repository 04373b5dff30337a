package app.domus.local;

import app.domus.local.seed.DemoAccount;
import app.domus.local.websocket.WebSocketApi;
import java.util.Map;

/** What the command line prints once the local cloud is ready: where everything is and who to sign in as. */
final class Banner {
    private final LocalCloud cloud;

    Banner(LocalCloud cloud) {
        this.cloud = cloud;
    }

    String text() {
        LocalEndpoints endpoints = cloud.endpoints();
        StringBuilder text = new StringBuilder();
        text.append(String.format("%nDomus local cloud ready in %.1f s (%d functions from %s)%n",
                cloud.startupTime().toMillis() / 1000.0, cloud.deployment().functionResources().size(), cloud.deployment().template().location()));
        line(text, "HTTP API", endpoints.httpUrl());
        line(text, "Console", endpoints.httpUrl() + "/_local/");
        line(text, "API docs", endpoints.httpUrl() + "/_local/api-docs/");
        if (WebSocketApi.from(cloud.deployment()).isPresent()) line(text, "WebSocket API", endpoints.webSocketUrl());
        line(text, "MQTT broker", endpoints.mqttUrl());
        line(text, "DynamoDB", endpoints.dynamoDbUrl());
        line(text, "SQS", endpoints.sqsUrl());
        line(text, "S3", endpoints.s3Url());
        line(text, "SNS/SES/SSM/IoT", endpoints.awsUrl());
        cloud.partnerDoubles().forEach((name, url) -> line(text, "partner " + name, url));
        if (cloud.demoData().accounts().isEmpty()) {
            text.append("\nNo demo accounts (no seeder has run).\n");
        } else {
            text.append("\nDemo accounts (bearer tokens: ").append(endpoints.httpUrl()).append("/_local/demo):\n");
            for (DemoAccount account : cloud.demoData().accounts()) {
                text.append(String.format("  %-12s %-10s %-36s password %s%n", account.key(), account.role(), account.email(), account.password()));
            }
        }
        Map<String, String> codes = cloud.demoData().invitationCodes();
        if (!codes.isEmpty()) {
            text.append("\nOpen invitation codes:\n");
            codes.forEach((code, description) -> text.append(String.format("  %-16s %s%n", code, description)));
        }
        text.append("\nCtrl-C stops it; data is kept in ").append(cloud.options().dataDirectory()).append(" (--fresh wipes it).\n");
        return text.toString();
    }

    private static void line(StringBuilder text, String name, String url) {
        text.append(String.format("  %-16s %s%n", name, url));
    }
}
