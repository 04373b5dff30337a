package app.domus.rentals.stays;

import app.domus.shared.validation.Validated;
import app.domus.shared.validation.Validator;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The bodies of the stay requests. */
public final class StayRequests {
    static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
    static final Pattern ESTABLISHMENT = Pattern.compile("[A-Za-z0-9-]{1,20}");
    static final Pattern ALPHA3 = Pattern.compile("[A-Z]{3}");
    static final Set<String> DOCUMENT_TYPES = Set.of("NIF", "NIE", "PAS", "OTRO");
    static final Set<String> SEXES = Set.of("H", "M", "O");
    static final Set<String> PAYMENT_TYPES = Set.of("EFECT", "TARJT", "PLATF", "TRANS", "MOVIL", "OTRO");
    public static final int MAX_DOCUMENTS = 4;
    public static final int MAX_DOCUMENT_BYTES = 1024 * 1024;

    private StayRequests() {}

    /** {@code PUT /units/{unitId}/rental-setup}. */
    public record Setup(String lockId, String establishmentCode, String checkInTime, String checkOutTime, String timeZone,
                        String wifiNetwork, String wifiPassword, String instructions) implements Validated {
        @Override
        public void validate(Validator v) {
            v.matches("lockId", lockId, ID, "must be the lock's id (letters, digits, - and _)", false);
            v.matches("establishmentCode", establishmentCode, ESTABLISHMENT, "must be the police portal's establishment code", false);
            v.matches("checkInTime", checkInTime, TIME, "must be a time HH:MM", true);
            v.matches("checkOutTime", checkOutTime, TIME, "must be a time HH:MM", true);
            if (v.required("timeZone", timeZone)) {
                try {
                    ZoneId.of(timeZone);
                } catch (DateTimeException e) {
                    v.error("timeZone", "must be a time zone such as Europe/Madrid");
                }
            }
            v.text("wifiNetwork", wifiNetwork, 1, 64, false);
            v.text("wifiPassword", wifiPassword, 1, 128, false);
            v.text("instructions", instructions, 1, 2000, false);
        }
    }

    /** {@code POST /check-in} and {@code POST /check-out}: the guest's reservation and the access code of the welcome message. */
    public record Presence(String reservationId, String accessCode) implements Validated {
        @Override
        public void validate(Validator v) {
            v.matches("reservationId", reservationId, ID, "must be a reservation id", true);
            v.text("accessCode", accessCode, 1, 32, true);
        }
    }

    /** {@code PUT /reservations/{reservationId}/guest-registration}: the guests, and images of their ID documents. */
    public record Registration(String paymentType, List<Guest> guests, List<Document> documents) implements Validated {
        @Override
        public void validate(Validator v) {
            if (paymentType != null) v.check(PAYMENT_TYPES.contains(paymentType), "paymentType", "must be one of " + PAYMENT_TYPES);
            if (v.required("guests", guests)) {
                v.size("guests", guests, 1, 20);
                for (int i = 0; i < guests.size(); i++) {
                    if (guests.get(i) == null) v.error("guests[" + i + "]", "must be a guest");
                    else guests.get(i).validate(v, "guests[" + i + "].");
                }
            }
            if (documents != null) {
                v.size("documents", documents, 0, MAX_DOCUMENTS);
                for (int i = 0; i < documents.size(); i++) {
                    if (documents.get(i) == null) v.error("documents[" + i + "]", "must be a document");
                    else documents.get(i).validate(v, "documents[" + i + "].");
                }
            }
        }
    }

    /** One guest, as SES.HOSPEDAJES asks (first surname required, the second where there is one). */
    public record Guest(String firstName, String lastName1, String lastName2, String documentType, String documentNumber,
                        String documentSupport, String birthDate, String nationality, String sex, String address, String postalCode,
                        String municipality, String country, String email, String phone) {
        void validate(Validator v, String prefix) {
            v.text(prefix + "firstName", firstName, 1, 50, true);
            v.text(prefix + "lastName1", lastName1, 1, 50, true);
            v.text(prefix + "lastName2", lastName2, 1, 50, false);
            if (documentType != null) v.check(DOCUMENT_TYPES.contains(documentType), prefix + "documentType", "must be one of " + DOCUMENT_TYPES);
            v.text(prefix + "documentNumber", documentNumber, 1, 20, false);
            v.text(prefix + "documentSupport", documentSupport, 1, 20, false);
            if (v.required(prefix + "birthDate", birthDate)) {
                try {
                    v.check(!LocalDate.parse(birthDate).isAfter(LocalDate.now()), prefix + "birthDate", "must not be in the future");
                } catch (DateTimeParseException e) {
                    v.error(prefix + "birthDate", "must be a date (YYYY-MM-DD)");
                }
            }
            v.matches(prefix + "nationality", nationality, ALPHA3, "must be an ISO 3166-1 alpha-3 code, e.g. ESP", false);
            if (sex != null) v.check(SEXES.contains(sex), prefix + "sex", "must be one of " + SEXES);
            v.text(prefix + "address", address, 1, 200, false);
            v.text(prefix + "postalCode", postalCode, 1, 20, false);
            v.text(prefix + "municipality", municipality, 1, 100, false);
            v.matches(prefix + "country", country, ALPHA3, "must be an ISO 3166-1 alpha-3 code, e.g. ESP", false);
            if (email != null) v.email(prefix + "email", email);
            v.text(prefix + "phone", phone, 3, 40, false);
        }

        app.domus.rentals.police.GuestRegistration.Guest toGuest() {
            return new app.domus.rentals.police.GuestRegistration.Guest(firstName.strip(), lastName1.strip(), lastName2, documentType,
                    documentNumber, documentSupport, LocalDate.parse(birthDate), nationality, sex, address, postalCode, municipality,
                    country, email, phone);
        }
    }

    /** An ID document image: JPEG, PNG or PDF, base64, at most 1 MiB; its bytes must be what {@code contentType} says. */
    public record Document(String contentType, String data) {
        void validate(Validator v, String prefix) {
            if (v.required(prefix + "contentType", contentType)) {
                v.check(DocumentFormat.ofContentType(contentType) != null, prefix + "contentType", "must be image/jpeg, image/png or application/pdf");
            }
            if (v.required(prefix + "data", data)) {
                byte[] bytes = bytes();
                if (bytes == null) v.error(prefix + "data", "must be base64");
                else if (bytes.length == 0 || bytes.length > MAX_DOCUMENT_BYTES) v.error(prefix + "data", "must be 1 byte to 1 MiB");
                else if (DocumentFormat.ofContentType(contentType) != null && DocumentFormat.of(bytes) != DocumentFormat.ofContentType(contentType)) {
                    v.error(prefix + "data", "is not a " + contentType + " file");
                }
            }
        }

        byte[] bytes() {
            try {
                return Base64.getMimeDecoder().decode(data);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    /** The formats an ID document image may have, known by their first bytes. */
    enum DocumentFormat {
        JPEG("image/jpeg", "jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
        PNG("image/png", "png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}),
        PDF("application/pdf", "pdf", new byte[] {'%', 'P', 'D', 'F', '-'});

        final String contentType;
        final String extension;
        private final byte[] signature;

        DocumentFormat(String contentType, String extension, byte[] signature) {
            this.contentType = contentType;
            this.extension = extension;
            this.signature = signature;
        }

        static DocumentFormat ofContentType(String contentType) {
            for (DocumentFormat f : values()) if (f.contentType.equals(contentType)) return f;
            return null;
        }

        static DocumentFormat of(byte[] bytes) {
            for (DocumentFormat f : values()) {
                if (bytes.length >= f.signature.length && java.util.Arrays.equals(bytes, 0, f.signature.length, f.signature, 0, f.signature.length)) return f;
            }
            return null;
        }
    }
}
