package app.domus.finance.invoices;

import app.domus.finance.FinanceAccess;
import app.domus.shared.auth.Caller;
import app.domus.shared.http.ApiException;
import app.domus.shared.persistence.Cursor;
import app.domus.shared.persistence.DomusTable;
import app.domus.shared.persistence.Page;
import app.domus.shared.persistence.TableItem;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Lists of invoices, newest first: a unit's (gsi1, for those who may see the unit's finances) or a building's (gsi2, for
 * its managers), between two issue dates, of one status. The status is a filter on the page read, so a page may hold
 * fewer than {@code limit} invoices and still have a cursor.
 */
@Singleton
public class InvoiceQueries {
    public record Filter(String unitId, String buildingId, String status, LocalDate from, LocalDate to) {}

    private final DomusTable table;
    private final FinanceAccess access;

    @Inject
    public InvoiceQueries(DomusTable table, FinanceAccess access) {
        this.table = table;
        this.access = access;
    }

    public Page<InvoiceItem> list(Caller caller, Filter filter, int limit, String cursor) {
        if ((filter.unitId() == null) == (filter.buildingId() == null)) throw ApiException.validation("unitId", "give either unitId or buildingId");
        String index, pk;
        if (filter.unitId() != null) {
            access.viewUnit(caller, filter.unitId());
            index = TableItem.GSI1;
            pk = InvoiceItem.byUnit(filter.unitId());
        } else {
            access.managedBuilding(caller, filter.buildingId());
            index = TableItem.GSI2;
            pk = InvoiceItem.byBuilding(filter.buildingId());
        }
        // Sort keys are <issuedOn>#<id>: from the first id of `from` to past every id of `to` ('~' sorts after the id alphabet).
        String low = (filter.from() == null ? "0000-01-01" : filter.from().toString()) + "#";
        String high = (filter.to() == null ? "9999-12-31" : filter.to().toString()) + "#~";
        var request = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.sortBetween(Key.builder().partitionValue(pk).sortValue(low).build(),
                        Key.builder().partitionValue(pk).sortValue(high).build()))
                .scanIndexForward(false)
                .limit(limit)
                .exclusiveStartKey(Cursor.decode(cursor, index + "pk", pk));
        if (filter.status() != null) {
            request.filterExpression(Expression.builder().expression("#status = :status").putExpressionName("#status", "status")
                    .putExpressionValue(":status", AttributeValue.fromS(filter.status())).build());
        }
        var page = table.of(InvoiceItem.class).index(index).query(request.build()).iterator().next();
        return new Page<>(page.items(), Cursor.encode(page.lastEvaluatedKey()));
    }
}
