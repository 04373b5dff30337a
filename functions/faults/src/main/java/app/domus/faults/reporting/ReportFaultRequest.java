package app.domus.faults.reporting;

import app.domus.shared.directory.FaultCategory;
import app.domus.faults.photos.PhotoInput;
import app.domus.faults.photos.PhotoIntake;
import app.domus.shared.validation.Validated;
import app.domus.shared.validation.Validator;
import java.util.List;
import java.util.Locale;

/** Body of {@code POST /faults}. Photos are checked by their content later, all of them before anything is stored. */
public record ReportFaultRequest(String title, String description, String category, String buildingId, String unitId,
                                 List<PhotoInput> photos) implements Validated {
    @Override
    public void validate(Validator v) {
        v.text("title", title, 3, 120, true);
        v.text("description", description, 1, 4000, true);
        v.oneOf("category", category, FaultCategory.class, true);
        v.id("buildingId", buildingId, true);
        v.id("unitId", unitId, false);
        if (photos == null) return;
        v.size("photos", photos, 0, PhotoIntake.MAX_PHOTOS);
        for (int i = 0; i < photos.size(); i++) {
            if (photos.get(i) == null) v.error("photos." + i, "is required");
            else photos.get(i).validate(v, "photos." + i);
        }
    }

    FaultCategory categoryValue() {
        return FaultCategory.valueOf(category.toUpperCase(Locale.ROOT));
    }

    List<PhotoInput> photoList() {
        return photos == null ? List.of() : photos;
    }
}
