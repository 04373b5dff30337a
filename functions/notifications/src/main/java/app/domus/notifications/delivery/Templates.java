package app.domus.notifications.delivery;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The messages the notifier can send, by name. {@code {{key}}} is replaced by the request's {@code data}
 * value for the key, once (a value that itself contains braces is not expanded again). A request that names
 * an unknown template or leaves a placeholder without a value is a bug in its sender: rendering fails, and
 * the message ends in the dead-letter queue where someone will see it, rather than going out half-filled.
 */
public final class Templates {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z0-9_]+)}}");

    private static final Map<String, Message> TEMPLATES = Map.ofEntries(
            Map.entry("message-received", new Message("{{senderName}} wrote to you",
                    "{{senderName}} in {{conversation}}: {{preview}}\n\nOpen Domus to answer.")),
            Map.entry("welcome", new Message("Welcome to Domus",
                    "Hello,\n\nyour Domus account for {{email}} is ready. Sign in with this address to see your home.")),
            Map.entry("verify-email", new Message("Confirm your e-mail address for Domus",
                    "Hello,\n\nplease confirm that {{email}} is your address: open this link in the Domus portal within"
                            + " {{hours}} hours.\n\n{{link}}\n\nThe link works once. If you did not sign up, ignore this e-mail.")),
            Map.entry("portal-signup-existing", new Message("Someone tried to sign up with your address",
                    "Hello,\n\nsomeone (perhaps you) tried to sign up on the Domus portal with {{email}}, which already"
                            + " has an account. Nothing was changed.\n\nSign in with this address instead; if you forgot your password,"
                            + " reset it. If it was not you, you can ignore this e-mail.")),
            Map.entry("link-identity", new Message("Link your {{provider}} sign-in to your Domus account",
                    "Hello,\n\nsomeone (perhaps you) signed in to Domus with {{provider}} using {{email}}, the address of your account."
                            + " To sign in with {{provider}} from now on, open this link within {{minutes}} minutes:\n\n{{link}}\n\n"
                            + "The link works once. If it was not you, ignore this e-mail: nothing is linked without it.")),
            Map.entry("personal-data-export", new Message("Your Domus data export is ready",
                    "Hello,\n\nthe export of your data you asked for is ready: a ZIP with one JSON file per kind of data."
                            + " Download it within {{hours}} hour(s) with this link:\n\n{{link}}\n\nAfter that, sign in to Domus"
                            + " and open the export ({{exportId}}) for a new link; it is deleted on {{expiresAt}}."
                            + " If you did not ask for it, change your password.")),
            Map.entry("invitation", new Message("Your invitation to Domus",
                    "You have been invited to Domus as {{role}}.\n\nRegister with the invitation code {{code}} before {{expiresAt}}.")),
            Map.entry("delegation-invitation", new Message("{{ownerName}} asks you to act for them in Domus",
                    "{{ownerName}} ({{ownerEmail}}) has delegated rights for unit {{unit}} of {{building}} to you: {{rights}},"
                            + " until {{expiresAt}}.\n\nSign in to Domus to accept or decline.")),
            Map.entry("delegation-invitation-register", new Message("{{ownerName}} asks you to act for them in Domus",
                    "{{ownerName}} ({{ownerEmail}}) has delegated rights for unit {{unit}} of {{building}} to you: {{rights}},"
                            + " until {{expiresAt}}.\n\nYou have no Domus account yet: registering takes an invitation code from the"
                            + " building's manager. Register with this address, {{email}}, then sign in to accept or decline.")),
            Map.entry("delegation-answered", new Message("{{delegateName}} {{answer}} your delegation",
                    "{{delegateName}} has {{answer}} the rights you delegated for unit {{unit}} of {{building}}: {{rights}}.")),
            Map.entry("delegation-revoked", new Message("{{ownerName}} revoked your delegation",
                    "{{ownerName}} has revoked the rights they delegated to you for unit {{unit}} of {{building}}: {{rights}}."
                            + " You can no longer act for them there.")),
            Map.entry("vote-announced", new Message("Coming vote: {{title}}",
                    "The owners of {{building}} will vote on \"{{title}}\" from {{startsAt}} until {{endDate}}.\n\n"
                            + "You will hear from us when voting opens.")),
            Map.entry("vote-open", new Message("Vote now: {{title}}",
                    "Voting on \"{{title}}\" is open for the owners of {{building}} until {{endDate}}.\n\n"
                            + "Cast your ballot in the Domus app.")),
            Map.entry("vote-closed", new Message("Vote result: {{title}}",
                    "Voting on \"{{title}}\" for the owners of {{building}} has closed.\n\n{{results}}\n\n"
                            + "Participation: {{participation}}. The quorum of {{quorum}} of the weight was {{quorumOutcome}}.")),
            Map.entry("fault-reported", new Message("New fault: {{title}}",
                    "A fault was reported in {{building}}: {{title}} ({{category}}).\n\nIt was assigned to {{assignee}}.")),
            Map.entry("fault-unassigned", new Message("New fault needs a technician: {{title}}",
                    "A fault was reported in {{building}}: {{title}} ({{category}}).\n\n"
                            + "No technician of the building has that skill, so nobody was assigned; please assign it.")),
            Map.entry("fault-assigned", new Message("Fault assigned to you: {{title}}",
                    "You have been assigned a fault in {{building}}: {{title}} ({{category}}).")),
            Map.entry("fault-resolved", new Message("Your fault report was resolved: {{title}}",
                    "The fault you reported in {{building}} was resolved:\n\n{{resolution}}")),
            Map.entry("meter-reading-flagged", new Message("Meter reading to review: {{meter}}",
                    "A reading of meter {{meter}} in {{building}} ({{place}}) needs your review: {{value}} read at {{readAt}}"
                            + " ({{reasons}}).\n\nConfirm or correct it in the Domus app.")),
            Map.entry("maintenance-risk", new Message("High failure risk: {{equipmentName}} ({{equipmentType}})",
                    "The {{equipmentType}} {{equipmentName}} has a {{risk}}% chance of failing within 90 days, by the"
                            + " maintenance model. Why: {{reasons}}.\n\nOpen Domus to see its history and plan a service.")),
            Map.entry("meter-anomaly", new Message("Meter anomaly: {{meter}}",
                    "Meter {{meter}} in {{building}} ({{place}}) shows an anomaly: {{kind}}.\n\n{{detail}}")),
            Map.entry("meter-reading-reminder", new Message("Please submit your meter readings",
                    "The reading period of {{building}} runs until {{endsOn}}. We have no reading yet for: {{meters}}.\n\n"
                            + "Submit them in the Domus app, with a photo of each register.")),
            Map.entry("invoice-issued", new Message("Invoice {{number}}: {{total}} due on {{dueDate}}",
                    "A new invoice for {{place}}: {{number}}, {{total}}, due on {{dueDate}}.\n\n"
                            + "See it, with its PDF, in the Domus app.")),
            Map.entry("credit-note-issued", new Message("Invoice {{invoiceNumber}} cancelled by credit note {{number}}",
                    "Invoice {{invoiceNumber}} for {{place}} was cancelled by credit note {{number}} for {{total}}.\n\n"
                            + "Reason: {{reason}}\n\nSee the credit note, with its PDF, in the Domus app.")),
            Map.entry("payment-receipt", new Message("Receipt: {{amount}} for invoice {{invoiceNumber}}",
                    "We received {{amount}} for invoice {{invoiceNumber}} on {{receivedAt}}. The invoice is {{status}}; "
                            + "still owed: {{outstanding}}.\n\nThank you. The payment is in the unit's account in the Domus app.")),
            Map.entry("payment-reconciliation", new Message("Payments of {{day}}: {{differences}} difference(s) with the gateway",
                    "Comparing the books with the payment gateway's charges of {{day}} found {{differences}} difference(s):\n\n{{details}}\n\n"
                            + "Until they are cleared, the units' balances may not show what the gateway holds.")),
            Map.entry("payment-overdue", new Message("Reminder {{reminderNumber}}: invoice {{number}} is overdue",
                    "Invoice {{number}} for {{place}} was due on {{dueDate}} and is {{daysOverdue}} overdue: {{amount}} is still to be"
                            + " paid.\n\nPay it in the Domus app. If you have paid in the last few days, thank you, and please ignore this reminder.")),
            Map.entry("payment-overdue-manager", new Message("Invoice {{number}} still unpaid after {{reminderNumber}} reminders",
                    "Invoice {{number}} for {{place}} was due on {{dueDate}} and is {{daysOverdue}} overdue: {{amount}} is still owed."
                            + " Its owners have had {{reminderNumber}} reminders.\n\nPlease follow it up with them.")),
            Map.entry("billing-run-completed", new Message("Billing run {{period}} for {{building}} {{outcome}}",
                    "The billing run for {{period}} of {{building}} has {{outcome}}: {{invoiced}} of {{units}} units invoiced,"
                            + " {{total}} in all.{{skipped}}\n\nSee the run's report and its invoices in the Domus app.")),
            Map.entry("listing-alert", new Message("New for your saved search: {{type}} in {{place}}, {{price}}",
                    "A listing matches your saved search: {{type}} for {{offer}} in {{place}}, {{rooms}} rooms, {{price}}.\n\n"
                            + "See it in the Domus portal: /listings/{{listingId}}\n\n"
                            + "Stop the alerts of this search: {{unsubscribeUrl}}")),
            Map.entry("listing-digest", new Message("{{count}} new for your saved search {{search}}",
                    "New on {{day}} for your saved search {{search}}:\n\n{{listings}}\n\n"
                            + "Stop the alerts of this search: {{unsubscribeUrl}}")),
            Map.entry("listing-inquiry", new Message("An inquiry about your listing in {{place}}",
                    "Someone asks about your listing in {{place}}:\n\n{{message}}\n\nPreferred viewing times: {{viewingTimes}}\n\n"
                            + "Answer it in the Domus portal: /inquiries/{{inquiryId}}")),
            Map.entry("listing-inquiry-response", new Message("An answer about the listing in {{place}}",
                    "The agency answered your inquiry about the listing in {{place}}:\n\n{{message}}\n\n"
                            + "See the conversation in the Domus portal: /inquiries/{{inquiryId}} (listing /listings/{{listingId}})")),
            Map.entry("reservation-overlap", new Message("Double booking: two stays overlap in unit {{unitId}}",
                    "Two confirmed stays of unit {{unitId}} overlap:\n\n{{stay}} (reservation {{reservationId}})\n{{otherStay}} (reservation {{otherReservationId}})\n\n"
                            + "Cancel or move one of them on its channel: /reservations/{{reservationId}}")),
            Map.entry("stay-welcome", new Message("Your stay from {{checkIn}}: check-in details",
                    "Hello {{guestName}},\n\nWelcome! Your stay is from {{checkIn}} (check-in from {{checkInFrom}}) to {{checkOut}} (check-out by {{checkOutBy}}).\n\n"
                            + "When you arrive, check in with your reservation number and access code:\n\nReservation: {{reservationId}}\nAccess code: {{accessCode}}\n\n"
                            + "{{checkInUrl}}\n\nChecking in gives you the door's keypad code and the Wi-Fi. The code works only during your stay; keep it to yourself.")),
            Map.entry("guest-checked-in", new Message("{{guestName}} checked in to unit {{unitId}}",
                    "{{guestName}} checked in for the stay {{stay}} (reservation {{reservationId}}).\n\n{{lock}}")),
            Map.entry("guest-checked-out", new Message("{{guestName}} checked out of unit {{unitId}}",
                    "{{guestName}} checked out after the stay {{stay}} (reservation {{reservationId}}).\n\n{{lock}}")),
            Map.entry("stay-lock-synced", new Message("The lock of unit {{unitId}} is in step again",
                    "The lock of unit {{unitId}} is back online for reservation {{reservationId}} ({{stay}}): {{reason}}.")),
            Map.entry("guest-registration-rejected", new Message("The police portal rejected the guests of reservation {{reservationId}}",
                    "The police portal rejected the guest registration of reservation {{reservationId}} ({{stay}}, unit {{unitId}}):\n\n{{reason}}\n\n"
                            + "Correct it: PUT /reservations/{{reservationId}}/guest-registration")),
            Map.entry("stay-step-failed", new Message("Reservation {{reservationId}} needs you",
                    "A step of the stay {{stay}} in unit {{unitId}} (reservation {{reservationId}}) cannot go on by itself:\n\n{{reason}}")),
            Map.entry("generic", new Message("{{subject}}", "{{body}}")));

    private Templates() {}

    /** A rendered message: the subject doubles as a push notification's title. */
    public record Message(String subject, String body) {}

    public static Message render(String template, Map<String, String> data) {
        Message source = template == null ? null : TEMPLATES.get(template);
        if (source == null) throw new IllegalArgumentException("Unknown notification template " + template);
        Map<String, String> values = data == null ? Map.of() : data;
        return new Message(fill(template, source.subject(), values), fill(template, source.body(), values));
    }

    private static String fill(String template, String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("Template " + template + " needs a value for " + m.group(1));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
