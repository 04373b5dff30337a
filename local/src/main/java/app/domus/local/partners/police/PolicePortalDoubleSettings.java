package app.domus.local.partners.police;

import java.time.Duration;

/**
 * How the police portal's double behaves.
 *
 * @param user            the web-service user to accept (HTTP Basic); null for a made-up one
 * @param password        its password; null to make one at start
 * @param landlordCode    the {@code codigoArrendador} the credentials belong to
 * @param processingDelay how long after its submission a lot is processed (accepted or rejected); null keeps lots in
 *                        process until {@code POST /_double/lots/process}, for tests that decide when the portal decides
 */
public record PolicePortalDoubleSettings(String user, String password, String landlordCode, Duration processingDelay) {

    public static PolicePortalDoubleSettings defaults() {
        return new PolicePortalDoubleSettings(null, null, "0000000001", Duration.ofSeconds(2));
    }

    public static PolicePortalDoubleSettings manual(String user, String password, String landlordCode) {
        return new PolicePortalDoubleSettings(user, password, landlordCode, null);
    }
}
