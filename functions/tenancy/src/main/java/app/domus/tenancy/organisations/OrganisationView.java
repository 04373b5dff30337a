package app.domus.tenancy.organisations;

import app.domus.shared.directory.OrganisationItem;

/** An organisation as the API shows it. */
public record OrganisationView(String organisationId, String name, String createdAt) {
    public static OrganisationView of(OrganisationItem item) {
        return new OrganisationView(item.getId(), item.getName(), item.getCreatedAt());
    }
}
