package app.domus.audit;

import app.domus.shared.events.DomainEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which events are audited and what each records: its action, outcome, actor and target, and a short whitelist of
 * payload fields kept as details. Only the named fields are copied, so nothing else an event carries (an invitation's
 * code, an e-mail address) reaches the log. An event names its organisation in the envelope; an event of a person with
 * no organisation in context (a sign-in, an MFA or password change) lists the person's organisations in its payload's
 * {@code organisationIds} and is appended to each of those chains.
 */
public final class AuditActions {
    /** Times as stored: fixed width, milliseconds, so that they sort (and filter) as text. */
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    record Rule(String action, String outcome, String actorField, String targetType, String targetField, List<String> details) {}

    static final Map<String, Rule> RULES = Map.ofEntries(
            Map.entry("SignInSucceeded", new Rule("auth.sign_in", "success", "userId", "user", "userId", List.of("sessionId"))),
            Map.entry("SignInFailed", new Rule("auth.sign_in", "failure", "userId", "user", "userId", List.of("reason"))),
            Map.entry("MfaEnabled", new Rule("auth.mfa_enabled", "success", "userId", "user", "userId", List.of())),
            Map.entry("MfaDisabled", new Rule("auth.mfa_disabled", "success", "userId", "user", "userId", List.of())),
            Map.entry("PasswordChanged", new Rule("auth.password_changed", "success", "userId", "user", "userId", List.of())),
            Map.entry("OrganisationCreated", new Rule("organisation.created", "success", "createdBy", "organisation", "organisationId", List.of())),
            Map.entry("InvitationCreated", new Rule("membership.invited", "success", "createdBy", "invitation", null,
                    List.of("role", "buildingId", "unitId", "expiresAt"))),
            Map.entry("UserRegistered", new Rule("membership.granted", "success", "userId", "user", "userId",
                    List.of("role", "buildingId", "unitId"))),
            Map.entry("OwnershipRecorded", new Rule("membership.owner_recorded", "success", null, "unit", "unitId",
                    List.of("ownerId", "buildingId", "share"))),
            Map.entry("DelegationCreated", new Rule("delegation.created", "success", "ownerId", "delegation", "delegationId",
                    List.of("unitId", "delegateId", "expiresAt"))),
            Map.entry("DelegationAccepted", new Rule("delegation.accepted", "success", "delegateId", "delegation", "delegationId", List.of("unitId", "ownerId"))),
            Map.entry("DelegationDeclined", new Rule("delegation.declined", "success", "delegateId", "delegation", "delegationId", List.of("unitId", "ownerId"))),
            Map.entry("DelegationRevoked", new Rule("delegation.revoked", "success", "ownerId", "delegation", "delegationId", List.of("unitId", "delegateId"))),
            Map.entry("PaymentReceived", new Rule("payment.received", "success", "payerId", "invoice", "invoiceId",
                    List.of("paymentId", "amount", "currency", "unitId"))),
            Map.entry("PaymentFailed", new Rule("payment.received", "failure", "payerId", "invoice", "invoiceId",
                    List.of("paymentId", "reason", "unitId"))),
            Map.entry("PaymentRefunded", new Rule("payment.refunded", "success", null, "invoice", "invoiceId",
                    List.of("paymentId", "amount", "currency", "unitId"))),
            Map.entry("PersonalDataExportRequested", new Rule("privacy.export_requested", "success", "userId", "user", "userId", List.of())),
            Map.entry("AccountDeleted", new Rule("privacy.account_deleted", "success", "userId", "user", "userId", List.of())));

    /** The event types consumed: the Consumers mapping's {@code AuditTrail} entry lists the same. */
    public static String[] eventTypes() {
        return RULES.keySet().stream().sorted().toArray(String[]::new);
    }

    private AuditActions() {}

    /** The organisations whose chains record the event: the envelope's, or else the payload's {@code organisationIds}. */
    static Set<String> organisations(DomainEvent event) {
        Set<String> ids = new LinkedHashSet<>();
        if (event.organisationId() != null && !event.organisationId().isBlank()) ids.add(event.organisationId());
        JsonNode listed = event.payload().path("organisationIds");
        if (ids.isEmpty() && listed.isArray()) listed.forEach(id -> { if (id.isTextual() && !id.asText().isBlank()) ids.add(id.asText()); });
        return ids;
    }

    /** The entry the event makes in one organisation's chain, without its place (sequence, hashes, recording time). */
    static AuditEntryItem draft(DomainEvent event, String organisationId) {
        Rule rule = RULES.get(event.type());
        if (rule == null) throw new IllegalArgumentException("No audit rule for " + event.type());
        JsonNode p = event.payload();
        AuditEntryItem e = new AuditEntryItem();
        e.setPk(AuditEntryItem.pk(organisationId));
        e.setOrganisationId(organisationId);
        e.setOccurredAt(TIME.format(event.occurredAt() == null ? Instant.EPOCH : event.occurredAt()));
        e.setActorId(text(p, rule.actorField()));
        e.setAction(rule.action());
        e.setTargetType(rule.targetType());
        e.setTargetId(text(p, rule.targetField()));
        e.setOutcome(rule.outcome());
        e.setSourceIp(text(p, "sourceIp"));
        e.setUserAgent(truncate(text(p, "userAgent")));
        e.setEventId(event.id());
        e.setEventType(event.type());
        Map<String, String> details = new LinkedHashMap<>();
        for (String field : rule.details()) {
            String value = text(p, field);
            if (value != null) details.put(field, value);
        }
        e.setDetails(details.isEmpty() ? null : details);
        return e;
    }

    static List<String> actions() {
        return new ArrayList<>(RULES.values().stream().map(Rule::action).distinct().sorted().toList());
    }

    private static String text(JsonNode payload, String field) {
        if (field == null) return null;
        JsonNode value = payload.path(field);
        return value.isMissingNode() || value.isNull() || value.isContainerNode() ? null : value.asText();
    }

    private static String truncate(String value) {
        return value == null || value.length() <= 200 ? value : value.substring(0, 200);
    }
}
