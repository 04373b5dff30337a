package app.domus.local;

import java.nio.file.Path;

/** The {@code java -jar domus-local.jar} arguments, turned into {@link LocalCloudOptions}. */
final class CommandLine {
    static final String USAGE = """
            Usage: domus-local [options]
              --template <path>        SAM template to run (default template.yaml)
              --data-dir <path>        where data is kept across restarts (default .local-data)
              --fresh                  wipe the data directory first (demo data is seeded again)
              --http-port <n>          HTTP API and console (default 3000)
              --ws-port <n>            WebSocket API (default 3001)
              --mqtt-port <n>          MQTT broker (default 1883)
              --aws-port <n>           SNS, SES, SSM, IoT data and @connections APIs (default 4599)
              --dynamodb-port <n>      DynamoDB Local (default 8000)
              --sqs-port <n>           ElasticMQ (default 9324)
              --s3-port <n>            S3Proxy (default 9000)
              --region <name>          AWS region the platform sees (default us-east-1)
              --parameter <Name=Value> override a template parameter (repeatable)
              --no-schedules           do not fire schedules by their expressions
              --no-seed                do not seed demo data on a first start
            Any port may be 0 for a free one.
            """;

    private CommandLine() {}

    static LocalCloudOptions parse(String[] args) {
        LocalCloudOptions options = LocalCloudOptions.defaults();
        for (int i = 0; i < args.length; i++) {
            String argument = args[i];
            options = switch (argument) {
                case "--fresh" -> options.withFresh(true);
                case "--no-schedules" -> options.withRunSchedules(false);
                case "--no-seed" -> options.withSeedDemoData(false);
                case "--template" -> options.withTemplate(Path.of(value(args, ++i, argument)));
                case "--data-dir" -> options.withDataDirectory(Path.of(value(args, ++i, argument)));
                case "--region" -> options.withRegion(value(args, ++i, argument));
                case "--http-port" -> options.withHttpPort(port(args, ++i, argument));
                case "--ws-port" -> options.withWebSocketPort(port(args, ++i, argument));
                case "--mqtt-port" -> options.withMqttPort(port(args, ++i, argument));
                case "--aws-port" -> options.withAwsPort(port(args, ++i, argument));
                case "--dynamodb-port" -> options.withDynamoDbPort(port(args, ++i, argument));
                case "--sqs-port" -> options.withSqsPort(port(args, ++i, argument));
                case "--s3-port" -> options.withS3Port(port(args, ++i, argument));
                case "--parameter" -> {
                    String assignment = value(args, ++i, argument);
                    int equals = assignment.indexOf('=');
                    if (equals <= 0) throw new IllegalArgumentException("--parameter needs Name=Value, got " + assignment);
                    yield options.withParameterOverride(assignment.substring(0, equals), assignment.substring(equals + 1));
                }
                default -> throw new IllegalArgumentException("Unknown option " + argument);
            };
        }
        return options;
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) throw new IllegalArgumentException(option + " needs a value");
        return args[index];
    }

    private static int port(String[] args, int index, String option) {
        return Integer.parseInt(value(args, index, option));
    }
}
