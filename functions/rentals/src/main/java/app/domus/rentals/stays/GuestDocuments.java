package app.domus.rentals.stays;

import java.util.List;

/** Where the guests' ID document images are kept until the police portal has accepted their registration. */
public interface GuestDocuments {

    /** Stores one image; answers its key. */
    String put(String organisationId, String reservationId, String name, String contentType, byte[] bytes);

    /** Deletes these images; one already gone counts as deleted. */
    void delete(List<String> keys);
}
