package app.domus.finance.payments;

import app.domus.finance.money.Money;
import app.domus.shared.access.AccessService;
import app.domus.shared.directory.MembershipItem;
import app.domus.shared.directory.Role;
import app.domus.shared.notify.Category;
import app.domus.shared.notify.NotificationRequest;
import app.domus.shared.notify.NotificationSender;
import app.domus.shared.persistence.DomusTable;
import app.domus.shared.persistence.TableItem;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily comparison of the books with the gateway: every charge the gateway created on the day against the payment
 * we recorded for its PaymentIntent, and every payment we settled that day against the gateway's charges. A difference
 * is one of
 * <ul>
 *   <li>{@code not_booked}: the gateway holds money we never posted (a webhook that never came, say);</li>
 *   <li>{@code amount_differs}: both know the payment, with different net amounts (a refund not applied);</li>
 *   <li>{@code not_at_gateway}: we posted money the gateway does not show on any charge of its intent.</li>
 * </ul>
 * The report is stored per day (a rerun replaces it) and each building's managers are told of their buildings'
 * differences, once per day (the notification id is the day's).
 */
public class PaymentReconciliation {
    private static final Logger LOG = LoggerFactory.getLogger(PaymentReconciliation.class);
    public static final String TEMPLATE = "payment-reconciliation";

    private final DomusTable table;
    private final PaymentGateway gateway;
    private final AccessService access;
    private final NotificationSender notifications;
    private final Clock clock;

    public PaymentReconciliation(DomusTable table, PaymentGateway gateway, AccessService access, NotificationSender notifications, Clock clock) {
        this.table = table;
        this.gateway = gateway;
        this.access = access;
        this.notifications = notifications;
        this.clock = clock;
    }

    public record Difference(String kind, String paymentIntentId, String buildingId, String currency, long gatewayNet, long bookedNet) {
        String line() {
            return kind + " " + paymentIntentId + " gateway " + Money.format(gatewayNet, currency) + " books " + Money.format(bookedNet, currency);
        }
    }

    public ReconciliationReportItem reconcile(LocalDate day) {
        var from = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        var to = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<PaymentGateway.Charge> charges = gateway.charges(from, to);
        Map<String, Long> gatewayNetByIntent = new LinkedHashMap<>();
        Map<String, String> currencyByIntent = new HashMap<>();
        for (PaymentGateway.Charge charge : charges) {
            if (charge.paymentIntentId() == null) continue;
            gatewayNetByIntent.merge(charge.paymentIntentId(), charge.net(), Long::sum);
            currencyByIntent.put(charge.paymentIntentId(), charge.currency());
        }
        List<Difference> differences = new ArrayList<>();
        long gatewayNet = 0;
        long bookedNet = 0;
        for (var intent : gatewayNetByIntent.entrySet()) {
            long atGateway = intent.getValue();
            gatewayNet += atGateway;
            Optional<PaymentItem> payment = table.get(PaymentItem.class, PaymentItem.pk(intent.getKey()), PaymentItem.SK);
            long booked = payment.map(PaymentReconciliation::booked).orElse(0L);
            bookedNet += booked;
            if (atGateway == booked) continue;
            String building = payment.map(PaymentItem::getBuildingId).orElseGet(() -> buildingOf(intent.getKey()));
            differences.add(new Difference(payment.isEmpty() || payment.get().postedReceivedOrZero() == 0 ? "not_booked" : "amount_differs",
                    intent.getKey(), building, currencyByIntent.get(intent.getKey()), atGateway, booked));
        }
        List<PaymentItem> settled = table.allInIndex(PaymentItem.class, TableItem.GSI2, PaymentItem.settledOn(day.toString()));
        for (PaymentItem payment : settled) {
            if (gatewayNetByIntent.containsKey(payment.getId())) continue;
            // Settled that day by our clock but charged on another day by the gateway's: look at the intent's own charges.
            long atGateway = gateway.chargesOf(payment.getId()).stream().mapToLong(PaymentGateway.Charge::net).sum();
            if (atGateway != booked(payment)) {
                differences.add(new Difference("not_at_gateway", payment.getId(), payment.getBuildingId(), payment.getCurrency(), atGateway, booked(payment)));
            }
        }
        ReconciliationReportItem report = new ReconciliationReportItem();
        report.setPk(ReconciliationReportItem.pk(day.toString()));
        report.setSk(ReconciliationReportItem.SK);
        report.setDay(day.toString());
        report.setChargesChecked(charges.size());
        report.setPaymentsChecked(gatewayNetByIntent.size() + settled.size());
        report.setGatewayNet(gatewayNet);
        report.setBookedNet(bookedNet);
        report.setDifferences(differences.stream().map(Difference::line).toList());
        report.setRanAt(clock.instant().toString());
        // A rerun of the day replaces its report: written at the version it finds.
        table.get(ReconciliationReportItem.class, report.getPk(), report.getSk()).ifPresent(previous -> report.setVersion(previous.getVersion()));
        table.of(ReconciliationReportItem.class).putItem(report);
        tellManagers(day, differences);
        return report;
    }

    private static long booked(PaymentItem payment) {
        return payment.postedReceivedOrZero() - payment.postedRefundedOrZero();
    }

    /** A charge the books do not know: its intent's metadata names the unit's organisation and invoice, if it is ours. */
    private String buildingOf(String paymentIntentId) {
        return gateway.intentMetadata(paymentIntentId)
                .map(metadata -> metadata.get(PaymentRequests.INVOICE_ID))
                .flatMap(invoiceId -> table.get(app.domus.finance.invoices.InvoiceItem.class, app.domus.finance.invoices.InvoiceItem.pk(invoiceId),
                        app.domus.finance.invoices.InvoiceItem.SK))
                .map(app.domus.finance.invoices.InvoiceItem::getBuildingId)
                .orElse(null);
    }

    private void tellManagers(LocalDate day, List<Difference> differences) {
        Map<String, List<Difference>> byBuilding = new LinkedHashMap<>();
        for (Difference difference : differences) {
            if (difference.buildingId() == null) {
                LOG.warn("Reconciliation of {}: {} belongs to no building of ours", day, difference.line());
                continue;
            }
            byBuilding.computeIfAbsent(difference.buildingId(), b -> new ArrayList<>()).add(difference);
        }
        byBuilding.forEach((building, found) -> {
            for (MembershipItem manager : access.membersOf(building, Role.MANAGER)) {
                notifications.send(new NotificationRequest("reconciliation-" + day + "-" + building + "-" + manager.getUserId(),
                        manager.getUserId(), null, Category.FINANCE, TEMPLATE, Map.of("day", day.toString(),
                        "differences", String.valueOf(found.size()),
                        "details", String.join("\n", found.stream().map(Difference::line).toList()))));
            }
        });
    }
}
