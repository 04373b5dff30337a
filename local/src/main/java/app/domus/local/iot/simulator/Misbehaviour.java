package app.domus.local.iot.simulator;

import java.util.Arrays;
import java.util.Locale;

/**
 * How a simulated meter goes wrong, so the platform's handling of it can be seen. A misbehaving meter sends its first
 * reading as usual (so the platform knows it), then misbehaves on every later one.
 */
public enum Misbehaviour {
    /** Each later reading rises by 50 to 100 times the meter's usual consumption. */
    SPIKE,
    /** Stays connected and sends nothing more. */
    SILENT,
    /** Sends each later message twice, byte for byte. */
    DUPLICATE,
    /** Sends payloads that are not JSON. */
    GARBAGE;

    /** The wire name: {@code spike}, {@code silent}, ... */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Misbehaviour parse(String wire) {
        for (Misbehaviour misbehaviour : values()) {
            if (misbehaviour.wire().equals(wire)) return misbehaviour;
        }
        throw new IllegalArgumentException("misbehaviour \"" + wire + "\" is none of " + Arrays.stream(values()).map(Misbehaviour::wire).toList());
    }
}
