package app.domus.tenancy.units;

import app.domus.shared.directory.UnitItem;

/** A unit as the API shows it. */
public record UnitView(String unitId, String buildingId, String organisationId, String number, Integer floor,
                       Double areaSquareMetres, String createdAt) {
    public static UnitView of(UnitItem item) {
        return new UnitView(item.getId(), item.getBuildingId(), item.getOrganisationId(), item.getNumber(),
                item.getFloor(), item.getAreaSquareMetres(), item.getCreatedAt());
    }
}
