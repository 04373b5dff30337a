package app.domus.rentals.stays;

import static app.domus.shared.testing.Refusals.errors;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.rentals.police.GuestRegistration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stay requests' bodies: each field checked, and named when wrong. */
class StayRequestsTest {
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0};
    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-', '1'};

    private static StayRequests.Setup setup(String lockId, String establishment, String in, String out, String zone, String network,
                                            String password, String instructions) {
        return new StayRequests.Setup(lockId, establishment, in, out, zone, network, password, instructions);
    }

    private static StayRequests.Guest guest(String first, String last1, String last2, String docType, String docNumber, String support,
                                            String birth, String nationality, String sex, String address, String postal, String municipality,
                                            String country, String email, String phone) {
        return new StayRequests.Guest(first, last1, last2, docType, docNumber, support, birth, nationality, sex, address, postal, municipality,
                country, email, phone);
    }

    private static StayRequests.Guest full() {
        return guest(" Gina ", " Guest ", "Segundo", "NIE", "X1234567", "E00000001", "1990-05-01", "ESP", "M", "Main St 1", "28001", "Madrid", "ESP",
                "gina@example.test", "+34600000000");
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static List<String> guestErrors(StayRequests.Guest g) {
        return errors(new StayRequests.Registration(null, List.of(g), null));
    }

    @Test
    void aSetUpNamesEachWrongField() {
        assertThat(errors(setup("L-1_a", "0000000001", "15:00", "11:00", "Europe/Madrid", "Casa", "pw", "Door on the left"))).isEmpty();
        assertThat(errors(setup(null, null, "00:00", "23:59", "UTC", null, null, null))).isEmpty();
        assertThat(errors(setup("L 1", "0000000001", "15:00", "11:00", "UTC", null, null, null))).containsExactly("lockId");
        assertThat(errors(setup("L1", "0000000001234567890123", "15:00", "11:00", "UTC", null, null, null))).containsExactly("establishmentCode");
        assertThat(errors(setup("L1", "E_1", "15:00", "11:00", "UTC", null, null, null))).containsExactly("establishmentCode");
        assertThat(errors(setup(null, null, "24:00", "11:00", "UTC", null, null, null))).containsExactly("checkInTime");
        assertThat(errors(setup(null, null, null, "11:60", "UTC", null, null, null))).containsExactly("checkInTime", "checkOutTime");
        assertThat(errors(setup(null, null, "15:00", null, "UTC", null, null, null))).containsExactly("checkOutTime");
        assertThat(errors(setup(null, null, "15:00", "11:00", "Mars/Olympus", null, null, null))).containsExactly("timeZone");
        assertThat(errors(setup(null, null, "15:00", "11:00", " ", null, null, null))).containsExactly("timeZone");
        assertThat(errors(setup(null, null, "15:00", "11:00", "UTC", "n".repeat(65), null, null))).containsExactly("wifiNetwork");
        assertThat(errors(setup(null, null, "15:00", "11:00", "UTC", null, "p".repeat(129), null))).containsExactly("wifiPassword");
        assertThat(errors(setup(null, null, "15:00", "11:00", "UTC", null, null, "<script>"))).containsExactly("instructions");
    }

    @Test
    void aPresenceNeedsTheReservationAndTheCode() {
        assertThat(errors(new StayRequests.Presence("res-1", "ABCD-EFGH"))).isEmpty();
        assertThat(errors(new StayRequests.Presence("res 1", "ABCD"))).containsExactly("reservationId");
        assertThat(errors(new StayRequests.Presence(null, null))).containsExactly("reservationId", "accessCode");
        assertThat(errors(new StayRequests.Presence("r", "A".repeat(33)))).containsExactly("accessCode");
    }

    @Test
    void aRegistrationNamesTheGuestAndTheFieldThatIsWrong() {
        assertThat(guestErrors(full())).isEmpty();
        assertThat(guestErrors(guest("Gina", "Guest", null, null, null, null, "1990-05-01", null, null, null, null, null, null, null, null))).isEmpty();
        assertThat(guestErrors(guest(null, " ", null, null, null, null, "1990-05-01", null, null, null, null, null, null, null, null)))
                .containsExactly("guests[0].firstName", "guests[0].lastName1");
        StayRequests.Guest g = full();
        assertThat(guestErrors(guest(g.firstName(), g.lastName1(), "l".repeat(51), g.documentType(), g.documentNumber(), g.documentSupport(),
                g.birthDate(), g.nationality(), g.sex(), g.address(), g.postalCode(), g.municipality(), g.country(), g.email(), g.phone())))
                .containsExactly("guests[0].lastName2");
        assertThat(guestErrors(guest("Gina", "Guest", null, "DNI", "n".repeat(21), "s".repeat(21), "1990-05-01", "es", "F", "a".repeat(201),
                "p".repeat(21), "m".repeat(101), "Spain", "not-an-email", "12")))
                .containsExactly("guests[0].documentType", "guests[0].documentNumber", "guests[0].documentSupport", "guests[0].nationality",
                        "guests[0].sex", "guests[0].address", "guests[0].postalCode", "guests[0].municipality", "guests[0].country",
                        "guests[0].email", "guests[0].phone");
        assertThat(guestErrors(guest("Gina", "Guest", null, null, null, null, null, null, null, null, null, null, null, null, null)))
                .containsExactly("guests[0].birthDate");
        assertThat(guestErrors(guest("Gina", "Guest", null, null, null, null, "01/05/1990", null, null, null, null, null, null, null, null)))
                .containsExactly("guests[0].birthDate");
        assertThat(guestErrors(guest("Gina", "Guest", null, null, null, null, LocalDate.now().plusDays(1).toString(), null, null, null, null, null,
                null, null, null))).containsExactly("guests[0].birthDate");
        assertThat(guestErrors(guest("Gina", "Guest", null, null, null, null, LocalDate.now().toString(), null, null, null, null, null,
                null, null, null))).as("born today").isEmpty();

        List<StayRequests.Guest> second = new ArrayList<>(List.of(full()));
        second.add(null);
        second.add(guest("Ann", null, null, null, null, null, "1990-05-01", null, null, null, null, null, null, null, null));
        assertThat(errors(new StayRequests.Registration("PLATF", second, null))).containsExactly("guests[1]", "guests[2].lastName1");
    }

    @Test
    void aRegistrationHasOneToTwentyGuestsAndAKnownPayment() {
        assertThat(errors(new StayRequests.Registration("TARJT", List.of(full()), null))).isEmpty();
        assertThat(errors(new StayRequests.Registration("CASH", List.of(full()), null))).containsExactly("paymentType");
        assertThat(errors(new StayRequests.Registration(null, null, null))).containsExactly("guests");
        assertThat(errors(new StayRequests.Registration(null, List.of(), null))).containsExactly("guests");
        assertThat(errors(new StayRequests.Registration(null, java.util.Collections.nCopies(20, full()), null))).isEmpty();
        assertThat(errors(new StayRequests.Registration(null, java.util.Collections.nCopies(21, full()), null))).containsExactly("guests");
    }

    @Test
    void documentsAreAtMostFourImagesWhoseBytesAreWhatTheySay() {
        var jpeg = new StayRequests.Document("image/jpeg", b64(JPEG));
        assertThat(errors(new StayRequests.Registration(null, List.of(full()), List.of(jpeg, new StayRequests.Document("image/png", b64(PNG)),
                new StayRequests.Document("application/pdf", b64(PDF)), jpeg)))).isEmpty();
        assertThat(errors(new StayRequests.Registration(null, List.of(full()), List.of()))).isEmpty();
        assertThat(errors(new StayRequests.Registration(null, List.of(full()), List.of(jpeg, jpeg, jpeg, jpeg, jpeg)))).containsExactly("documents");

        List<StayRequests.Document> docs = new ArrayList<>();
        docs.add(null);
        docs.add(new StayRequests.Document("image/gif", b64(JPEG)));
        docs.add(new StayRequests.Document(null, null));
        docs.add(new StayRequests.Document("image/png", b64(JPEG)));
        assertThat(errors(new StayRequests.Registration(null, List.of(full()), docs)))
                .containsExactly("documents[0]", "documents[1].contentType", "documents[2].contentType", "documents[2].data", "documents[3].data");

        assertThat(errors(new StayRequests.Registration(null, List.of(full()), List.of(new StayRequests.Document("image/jpeg", "***")))))
                .containsExactly("documents[0].data");
        assertThat(errors(new StayRequests.Registration(null, List.of(full()), List.of(new StayRequests.Document("image/jpeg", "====")))))
                .as("no bytes").containsExactly("documents[0].data");
        byte[] big = Arrays.copyOf(JPEG, StayRequests.MAX_DOCUMENT_BYTES + 1);
        assertThat(errors(new StayRequests.Registration(null, List.of(full()), List.of(new StayRequests.Document("image/jpeg", b64(big))))))
                .containsExactly("documents[0].data");
        byte[] most = Arrays.copyOf(JPEG, StayRequests.MAX_DOCUMENT_BYTES);
        assertThat(errors(new StayRequests.Registration(null, List.of(full()), List.of(new StayRequests.Document("image/jpeg", b64(most))))))
                .isEmpty();
    }

    @Test
    void aFormatIsKnownByItsFirstBytesAndItsContentType() {
        assertThat(StayRequests.DocumentFormat.of(JPEG)).isEqualTo(StayRequests.DocumentFormat.JPEG);
        assertThat(StayRequests.DocumentFormat.of(Arrays.copyOf(PNG, 8))).as("the signature alone").isEqualTo(StayRequests.DocumentFormat.PNG);
        assertThat(StayRequests.DocumentFormat.of(Arrays.copyOf(PDF, 5))).isEqualTo(StayRequests.DocumentFormat.PDF);
        assertThat(StayRequests.DocumentFormat.of(Arrays.copyOf(PNG, 7))).isNull();
        assertThat(StayRequests.DocumentFormat.of(new byte[] {(byte) 0xFF, (byte) 0xD8})).isNull();
        assertThat(StayRequests.DocumentFormat.of(new byte[] {1, 2, 3, 4, 5, 6})).isNull();
        assertThat(StayRequests.DocumentFormat.ofContentType("application/pdf")).isEqualTo(StayRequests.DocumentFormat.PDF);
        assertThat(StayRequests.DocumentFormat.ofContentType("image/png").extension).isEqualTo("png");
        assertThat(StayRequests.DocumentFormat.ofContentType("image/jpg")).isNull();
        assertThat(new StayRequests.Document("image/png", "iVBO\r\nRw0K").bytes()).as("MIME base64, lines allowed").startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void aGuestGoesToThePoliceStrippedOfSpacesWithItsBirthDate() {
        GuestRegistration.Guest g = full().toGuest();
        assertThat(g.firstName()).isEqualTo("Gina");
        assertThat(g.lastName1()).isEqualTo("Guest");
        assertThat(g.birthDate()).isEqualTo(LocalDate.of(1990, 5, 1));
        assertThat(g).isEqualTo(new GuestRegistration.Guest("Gina", "Guest", "Segundo", "NIE", "X1234567", "E00000001", LocalDate.of(1990, 5, 1),
                "ESP", "M", "Main St 1", "28001", "Madrid", "ESP", "gina@example.test", "+34600000000"));
    }
}
