package app.domus.meters.api;

import app.domus.meters.periods.ReadingPeriodItem;

/** A reading period as the API shows it. */
record PeriodView(String periodId, String buildingId, String startsOn, String endsOn, String createdAt) {
    static PeriodView of(ReadingPeriodItem p) {
        return new PeriodView(p.getId(), p.getBuildingId(), p.getStartsOn(), p.getEndsOn(), p.getCreatedAt());
    }
}
