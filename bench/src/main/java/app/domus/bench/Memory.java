package app.domus.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** This process's resident set size, from /proc (Linux). */
final class Memory {
    private Memory() {}

    static long rssKb() {
        return statusKb("VmRSS:");
    }

    static long peakRssKb() {
        return statusKb("VmHWM:");
    }

    private static long statusKb(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field)) return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
