package app.domus.finance.invoices;

import app.domus.shared.persistence.DomusTable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;

/**
 * Gap-free document numbers per organisation, series and calendar year (UTC): {@code INV-2026-000042}, {@code CN-2026-000003}.
 * {@link #next} reads the series' {@link NumberSequenceItem} (strongly consistent) and adds its increment to the caller's
 * transaction, conditional on the version read; the number exists exactly when that transaction commits.
 */
@Singleton
public class InvoiceNumbers {
    public static final String INVOICES = "INV";
    public static final String CREDIT_NOTES = "CN";

    private final DomusTable table;

    @Inject
    public InvoiceNumbers(DomusTable table) {
        this.table = table;
    }

    /** The next number of the series, its sequence's write added to {@code transaction}. */
    public String next(TransactWriteItemsEnhancedRequest.Builder transaction, String organisationId, String series, int year) {
        Key key = Key.builder().partitionValue(NumberSequenceItem.pk(organisationId)).sortValue(NumberSequenceItem.sk(series, year)).build();
        NumberSequenceItem sequence = table.of(NumberSequenceItem.class).getItem(GetItemEnhancedRequest.builder().key(key).consistentRead(true).build());
        if (sequence == null) {
            sequence = new NumberSequenceItem();
            sequence.setPk(NumberSequenceItem.pk(organisationId));
            sequence.setSk(NumberSequenceItem.sk(series, year));
            sequence.setOrganisationId(organisationId);
            sequence.setSeries(series);
            sequence.setYear(year);
            sequence.setLast(1L);
            transaction.addPutItem(table.of(NumberSequenceItem.class), sequence);
        } else {
            sequence.setLast(sequence.getLast() + 1);
            transaction.addUpdateItem(table.of(NumberSequenceItem.class), sequence);
        }
        return format(series, year, sequence.getLast());
    }

    public static String format(String series, int year, long number) {
        return String.format("%s-%d-%06d", series, year, number);
    }
}
