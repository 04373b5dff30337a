package app.domus.tenancy.ownerships;

import app.domus.shared.directory.OwnershipItem;

/** One owner's share of a building, held through a unit. */
public record OwnershipView(String buildingId, String unitId, String ownerId, String share, String createdAt) {
    public static OwnershipView of(OwnershipItem item) {
        return new OwnershipView(item.getBuildingId(), item.getUnitId(), item.getOwnerId(),
                item.getShareNumerator() + "/" + item.getShareDenominator(), item.getCreatedAt());
    }
}
