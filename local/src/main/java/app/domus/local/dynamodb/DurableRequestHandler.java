package app.domus.local.dynamodb;

import com.amazonaws.services.dynamodbv2.exceptions.DynamoDBLocalServiceException;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.model.BatchExecuteStatementRequest;
import com.amazonaws.services.dynamodbv2.model.BatchExecuteStatementResult;
import com.amazonaws.services.dynamodbv2.model.BatchWriteItemRequest;
import com.amazonaws.services.dynamodbv2.model.BatchWriteItemResult;
import com.amazonaws.services.dynamodbv2.model.CreateTableRequest;
import com.amazonaws.services.dynamodbv2.model.CreateTableResult;
import com.amazonaws.services.dynamodbv2.model.DeleteItemRequest;
import com.amazonaws.services.dynamodbv2.model.DeleteItemResult;
import com.amazonaws.services.dynamodbv2.model.DeleteTableRequest;
import com.amazonaws.services.dynamodbv2.model.DeleteTableResult;
import com.amazonaws.services.dynamodbv2.model.ExecuteStatementRequest;
import com.amazonaws.services.dynamodbv2.model.ExecuteStatementResult;
import com.amazonaws.services.dynamodbv2.model.ExecuteTransactionRequest;
import com.amazonaws.services.dynamodbv2.model.ExecuteTransactionResult;
import com.amazonaws.services.dynamodbv2.model.ListTablesRequest;
import com.amazonaws.services.dynamodbv2.model.PutItemRequest;
import com.amazonaws.services.dynamodbv2.model.PutItemResult;
import com.amazonaws.services.dynamodbv2.model.TransactWriteItemsRequest;
import com.amazonaws.services.dynamodbv2.model.TransactWriteItemsResult;
import com.amazonaws.services.dynamodbv2.model.UpdateItemRequest;
import com.amazonaws.services.dynamodbv2.model.UpdateItemResult;
import com.amazonaws.services.dynamodbv2.model.UpdateTableRequest;
import com.amazonaws.services.dynamodbv2.model.UpdateTableResult;
import com.amazonaws.services.dynamodbv2.model.UpdateTimeToLiveRequest;
import com.amazonaws.services.dynamodbv2.model.UpdateTimeToLiveResult;
import java.util.function.Supplier;

/**
 * DynamoDB Local's request handler, answering a write only once it is on disk.
 *
 * <p>DynamoDB Local runs every SQLite statement as a job on one queue thread, and its {@code commitTransaction} puts the
 * {@code COMMIT} on that queue without waiting for it: a write is acknowledged while its commit may still be queued,
 * and a process killed in that window loses a write its caller was told had succeeded (a CI run of
 * a restart test lost a building that way; {@code KillNineUnderLoadTest} now writes under load and kills). Reads do wait for their job, and the queue runs jobs in
 * order, so one small read after each write is a barrier: when it returns, the write's {@code COMMIT} has run.
 */
final class DurableRequestHandler extends LocalDynamoDBRequestHandler {
    private static final ListTablesRequest BARRIER = new ListTablesRequest().withLimit(1);

    DurableRequestHandler(String dbPath) throws DynamoDBLocalServiceException {
        super(0, false, dbPath, true, false);
    }

    private <T> T committed(String accessKey, String region, Supplier<T> write) {
        try {
            return write.get();
        } finally {
            // A refused write (a failed condition, a cancelled transaction) queues a ROLLBACK the same way.
            listTables(accessKey, region, BARRIER);
        }
    }

    @Override
    public PutItemResult putItem(String accessKey, String region, PutItemRequest request) {
        return committed(accessKey, region, () -> super.putItem(accessKey, region, request));
    }

    @Override
    public UpdateItemResult updateItem(String accessKey, String region, UpdateItemRequest request) {
        return committed(accessKey, region, () -> super.updateItem(accessKey, region, request));
    }

    @Override
    public DeleteItemResult deleteItem(String accessKey, String region, DeleteItemRequest request) {
        return committed(accessKey, region, () -> super.deleteItem(accessKey, region, request));
    }

    @Override
    public BatchWriteItemResult batchWriteItem(String accessKey, String region, BatchWriteItemRequest request) {
        return committed(accessKey, region, () -> super.batchWriteItem(accessKey, region, request));
    }

    @Override
    public TransactWriteItemsResult transactWriteItems(String accessKey, String region, TransactWriteItemsRequest request) {
        return committed(accessKey, region, () -> super.transactWriteItems(accessKey, region, request));
    }

    @Override
    public ExecuteStatementResult executeStatement(String accessKey, String region, ExecuteStatementRequest request) {
        return committed(accessKey, region, () -> super.executeStatement(accessKey, region, request));
    }

    @Override
    public BatchExecuteStatementResult batchExecuteStatement(String accessKey, String region, BatchExecuteStatementRequest request) {
        return committed(accessKey, region, () -> super.batchExecuteStatement(accessKey, region, request));
    }

    @Override
    public ExecuteTransactionResult executeTransaction(String accessKey, String region, ExecuteTransactionRequest request) {
        return committed(accessKey, region, () -> super.executeTransaction(accessKey, region, request));
    }

    @Override
    public CreateTableResult createTable(String accessKey, String region, CreateTableRequest request) {
        return committed(accessKey, region, () -> super.createTable(accessKey, region, request));
    }

    @Override
    public UpdateTableResult updateTable(String accessKey, String region, UpdateTableRequest request) {
        return committed(accessKey, region, () -> super.updateTable(accessKey, region, request));
    }

    @Override
    public DeleteTableResult deleteTable(String accessKey, String region, DeleteTableRequest request) {
        return committed(accessKey, region, () -> super.deleteTable(accessKey, region, request));
    }

    @Override
    public UpdateTimeToLiveResult updateTimeToLive(String accessKey, String region, UpdateTimeToLiveRequest request) {
        return committed(accessKey, region, () -> super.updateTimeToLive(accessKey, region, request));
    }
}
