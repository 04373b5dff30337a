package app.domus.tenancy.technicians;

import app.domus.shared.directory.FaultCategory;
import app.domus.shared.directory.BuildingItem;
import app.domus.shared.directory.MembershipItem;
import app.domus.shared.directory.Role;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.ProblemType;
import app.domus.shared.persistence.DomusTable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Keeps the skills of a building's technicians, on their technician membership of that building. */
@Singleton
public class TechnicianService {
    private final DomusTable table;

    @Inject
    public TechnicianService(DomusTable table) {
        this.table = table;
    }

    /**
     * Replaces the skills of the building's technician. With {@code If-Match} the version must be the membership's
     * stored one (412 otherwise); without, a concurrent change still makes the write fail (409).
     */
    public MembershipItem updateSkills(BuildingItem building, String userId, Optional<Long> ifMatch, List<FaultCategory> skills) {
        MembershipItem technician = table.get(MembershipItem.class, MembershipItem.pk(userId),
                MembershipItem.skPrefix(building.getOrganisationId()) + Role.TECHNICIAN.name() + "#" + building.getId())
                .orElseThrow(() -> ApiException.notFound("The technician"));
        return replaceSkills(technician, ifMatch, skills);
    }

    /** Writes the skills onto the membership as it was read. */
    MembershipItem replaceSkills(MembershipItem technician, Optional<Long> ifMatch, List<FaultCategory> skills) {
        if (ifMatch.isPresent() && !ifMatch.get().equals(technician.getVersion())) throw stale();
        technician.setSkills(skills.stream().map(FaultCategory::wire).toList());
        try {
            return table.of(MembershipItem.class).updateItem(technician);
        } catch (ConditionalCheckFailedException e) {
            if (ifMatch.isPresent()) throw stale();
            throw ApiException.conflict("The technician was changed by someone else at the same time; read it again and retry");
        }
    }

    private static ApiException stale() {
        return new ApiException(ProblemType.PRECONDITION_FAILED, "The technician has changed since you read it; read it again");
    }
}
