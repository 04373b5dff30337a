package app.domus.faults.analysis;

import app.domus.faults.FaultItem;
import java.util.List;

/**
 * What fault triage reads of a fault: its text and its photos' keys. The AI gateway's cache key is made of it, so two
 * reports with the same words and photos are triaged once.
 */
public record TriageInput(String title, String description, List<String> photoKeys) {

    public TriageInput {
        photoKeys = photoKeys == null ? List.of() : List.copyOf(photoKeys);
    }

    public static TriageInput of(FaultItem fault) {
        return new TriageInput(fault.getTitle(), fault.getDescription(), fault.getPhotoKeys());
    }

    /** As the analysers read a fault. */
    FaultItem asFault() {
        FaultItem fault = new FaultItem();
        fault.setTitle(title);
        fault.setDescription(description);
        fault.setPhotoKeys(photoKeys.isEmpty() ? null : photoKeys);
        return fault;
    }
}
