package app.domus.tenancy.buildings;

import app.domus.shared.directory.BuildingItem;

/** A building as the API shows it. */
public record BuildingView(String buildingId, String organisationId, String name, Address address, String createdAt) {
    public record Address(String street, String city, String postalCode, String country) {}

    public static BuildingView of(BuildingItem item) {
        return new BuildingView(item.getId(), item.getOrganisationId(), item.getName(),
                new Address(item.getStreet(), item.getCity(), item.getPostalCode(), item.getCountry()),
                item.getCreatedAt());
    }
}
