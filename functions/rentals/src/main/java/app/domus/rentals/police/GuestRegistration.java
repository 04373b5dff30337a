package app.domus.rentals.police;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * The registration of one stay's guests (SES.HOSPEDAJES: a {@code parte de viajeros}, one {@code comunicacion} with
 * its {@code contrato} and one {@code persona} per guest).
 *
 * @param establishmentCode the portal's code of the rental unit ({@code codigoEstablecimiento})
 * @param reference         the stay's reference with the host (the reservation's id)
 * @param paymentType       SES's {@code tipoPago}: {@code EFECT}, {@code TARJT}, {@code PLATF}, {@code TRANS}, {@code MOVIL}, {@code OTRO}
 */
public record GuestRegistration(String establishmentCode, String reference, LocalDate contractDate, LocalDate arrival, LocalTime arrivalTime,
                                LocalDate departure, int rooms, boolean internet, String paymentType, List<Guest> guests) {

    public GuestRegistration {
        guests = List.copyOf(guests);
    }

    /**
     * One guest ({@code persona} with {@code rol} VI).
     *
     * @param documentType   {@code NIF}, {@code NIE}, {@code PAS} (passport) or {@code OTRO}
     * @param documentSupport the Spanish ID card's support number ({@code soporteDocumento}), for NIF and NIE only
     * @param nationality    ISO 3166-1 alpha-3, e.g. {@code ESP}, {@code DEU}
     * @param sex            {@code H}, {@code M} or {@code O}
     * @param country        of the address, ISO 3166-1 alpha-3
     */
    public record Guest(String firstName, String lastName1, String lastName2, String documentType, String documentNumber,
                        String documentSupport, LocalDate birthDate, String nationality, String sex, String address, String postalCode,
                        String municipality, String country, String email, String phone) {

        public Guest withDocument(String type, String number) {
            return new Guest(firstName, lastName1, lastName2, type, number, documentSupport, birthDate, nationality, sex, address, postalCode,
                    municipality, country, email, phone);
        }

        public Guest withNationality(String value) {
            return new Guest(firstName, lastName1, lastName2, documentType, documentNumber, documentSupport, birthDate, value, sex, address,
                    postalCode, municipality, country, email, phone);
        }
    }
}
