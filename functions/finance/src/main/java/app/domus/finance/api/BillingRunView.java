package app.domus.finance.api;

import app.domus.finance.runs.BillingRunItem;
import app.domus.finance.runs.RunLine;
import app.domus.finance.runs.RunUnit;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/** A billing run as the API shows it: its template, its progress so far (or its report once ended), amounts in minor units. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BillingRunView(String runId, String buildingId, String period, String dueDate, String currency, boolean consumption, String status,
                             int unitsTotal, int unitsInvoiced, int unitsSkipped, List<Line> lines, List<Invoiced> invoices,
                             List<Skipped> skipped, Totals totals, String startedBy, String startedAt, String completedAt,
                             String lastError, Links links) {
    public record Line(String description, long amount, BigDecimal vatRate, String split) {}

    public record Invoiced(String unitId, String unitNumber, String invoiceId, String number, long total) {}

    public record Skipped(String unitId, String unitNumber, String reason, String detail) {}

    public record Totals(long net, long vat, long total) {}

    public record Links(String self, String invoices) {}

    public static BillingRunView of(BillingRunItem run) {
        List<RunUnit> invoiced = run.invoicesOrEmpty();
        List<RunUnit> skipped = run.skippedOrEmpty();
        return new BillingRunView(run.getId(), run.getBuildingId(), run.getPeriod(), run.getDueDate(), run.getCurrency(), run.billsConsumption(),
                run.getStatus().toLowerCase(Locale.ROOT), run.getUnitsTotal(), invoiced.size(), skipped.size(),
                run.getLines().stream().map(BillingRunView::line).toList(),
                invoiced.stream().map(u -> new Invoiced(u.getUnitId(), u.getUnitNumber(), u.getInvoiceId(), u.getNumber(), u.getTotal())).toList(),
                skipped.stream().map(u -> new Skipped(u.getUnitId(), u.getUnitNumber(), u.getReason(), u.getDetail())).toList(),
                new Totals(orZero(run.getNetTotal()), orZero(run.getVatTotal()), orZero(run.getTotal())),
                run.getStartedBy(), run.getStartedAt(), run.getCompletedAt(), run.getLastError(),
                new Links("/billing-runs/" + run.getId(), "/invoices?buildingId=" + run.getBuildingId()));
    }

    private static Line line(RunLine l) {
        return new Line(l.getDescription(), l.getAmount(), new BigDecimal(l.getVatRate()), l.getSplit().toLowerCase(Locale.ROOT));
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
