package app.domus.local.partners;

import app.domus.local.console.Outbox;
import app.domus.local.template.Template;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** The partner doubles on the classpath that the template needs, started on free ports. */
public final class PartnerDoubles implements AutoCloseable {
    private final List<PartnerDouble> started = new ArrayList<>();
    private final Map<String, String> baseUrls = new LinkedHashMap<>();
    private final Map<String, String> parameterOverrides = new LinkedHashMap<>();

    public static PartnerDoubles start(Template template, Path dataDirectory, Outbox outbox, app.domus.local.faults.FaultInjector faults) throws Exception {
        PartnerDoubles doubles = new PartnerDoubles();
        for (PartnerDouble candidate : ServiceLoader.load(PartnerDouble.class)) {
            if (!candidate.neededBy(template)) continue;
            Path directory = Files.createDirectories(dataDirectory.resolve(candidate.name()));
            PartnerDoubleContext context = new PartnerDoubleContext(freePort(), directory, outbox, faults);
            doubles.parameterOverrides.putAll(candidate.start(context));
            doubles.started.add(candidate);
            doubles.baseUrls.put(candidate.name(), context.baseUrl());
        }
        return doubles;
    }

    public Map<String, String> parameterOverrides() {
        return Map.copyOf(parameterOverrides);
    }

    /** Each running double's name and base URL. */
    public Map<String, String> baseUrls() {
        return Map.copyOf(baseUrls);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws Exception {
        for (PartnerDouble partner : started.reversed()) partner.close();
    }
}
