package app.domus.audit;

import app.domus.shared.directory.Role;
import app.domus.shared.events.DomainEvent;
import app.domus.shared.ids.Ids;
import app.domus.shared.json.Json;
import app.domus.shared.testing.DirectoryWorld;
import java.time.Instant;
import java.util.Map;

/** Two organisations, an org admin of each, a manager and a tenant of the first; the audit log's services over them. */
final class AuditFixture extends DirectoryWorld {
    final AuditLog log = new AuditLog(table, clock);
    final AuditTrail trail = new AuditTrail(log);
    final AuditTrailHandler consumer = new AuditTrailHandler(idempotency, trail);
    final ListAuditLogHandler list = new ListAuditLogHandler(access, log);
    final VerifyAuditLogHandler verify = new VerifyAuditLogHandler(access, log);

    final String orgA = organisation("Org A");
    final String orgB = organisation("Org B");
    final String adminA = user("Ada Admin");
    final String adminB = user("Bea Admin");
    final String manager = user("Mona Manager");
    final String tenant = user("Tom Tenant");
    final String outsider = user("Otto Outsider");

    AuditFixture() {
        super(Instant.parse("2026-12-01T09:00:00Z"));
        member(adminA, orgA, Role.ORG_ADMIN, null, null);
        member(adminB, orgB, Role.ORG_ADMIN, null, null);
        var building = building(orgA, "Lindenstraße 5");
        member(manager, orgA, Role.MANAGER, building.getId(), null);
        member(tenant, orgA, Role.TENANT, building.getId(), unit(building, "3B").getId());
    }

    /** An event as the outbox relay publishes it. */
    DomainEvent event(String type, String organisationId, Map<String, Object> payload) {
        return new DomainEvent(Ids.newId(), type, 1, clock.instant(), organisationId, "test-correlation",
                Json.MAPPER.valueToTree(payload));
    }

    DomainEvent signIn(String userId, String outcome, String... organisationIds) {
        return event(outcome.equals("success") ? "SignInSucceeded" : "SignInFailed", null, Map.of("userId", userId,
                "organisationIds", java.util.List.of(organisationIds), "sourceIp", "203.0.113.7", "userAgent", "test-agent",
                outcome.equals("success") ? "method" : "reason", outcome.equals("success") ? "password" : "wrong_password"));
    }
}
