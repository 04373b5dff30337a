package app.domus.tenancy.technicians;

import app.domus.shared.directory.FaultCategory;
import app.domus.shared.validation.Validated;
import app.domus.shared.validation.Validator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Body of {@code PUT /buildings/{buildingId}/technicians/{userId}/skills}: the technician's skills, all of them. */
public record UpdateSkillsRequest(List<String> skills) implements Validated {
    @Override
    public void validate(Validator v) {
        if (skills == null) {
            v.error("skills", "is required (an empty list clears the skills)");
            return;
        }
        v.size("skills", skills, 0, FaultCategory.values().length);
        Set<FaultCategory> seen = EnumSet.noneOf(FaultCategory.class);
        for (int i = 0; i < skills.size(); i++) {
            FaultCategory skill = v.oneOf("skills." + i, skills.get(i), FaultCategory.class, true);
            if (skill != null && !seen.add(skill)) v.error("skills." + i, "repeats " + skill.wire());
        }
    }

    /** The skills in their fixed order. */
    List<FaultCategory> skillSet() {
        Set<FaultCategory> set = EnumSet.noneOf(FaultCategory.class);
        skills.forEach(s -> set.add(FaultCategory.valueOf(s.toUpperCase(Locale.ROOT))));
        return List.copyOf(set);
    }
}
