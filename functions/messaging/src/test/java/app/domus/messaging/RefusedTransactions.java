package app.domus.messaging;

import app.domus.shared.aws.PlatformConfig;
import app.domus.shared.persistence.DomusTable;
import app.domus.shared.testing.LocalDynamo;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * DynamoDB Local, except that its next transactions are cancelled as DynamoDB cancels them when another write meets
 * them (or for another reason): the item at index 1 gets the reason's code, the others {@code None}. Counts the
 * transactions tried; can interrupt the calling thread when refusing (the function being shut down meanwhile).
 */
public final class RefusedTransactions {
    public final AtomicInteger attempts = new AtomicInteger();
    private final AtomicInteger refusals = new AtomicInteger();
    private volatile String code = "TransactionConflict";
    private volatile boolean interrupt;

    public final DynamoDbClient client = (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
            new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
                if (method.getName().equals("transactWriteItems")) {
                    attempts.incrementAndGet();
                    if (refusals.getAndUpdate(n -> Math.max(0, n - 1)) > 0) throw refusal(request(args[0]).transactItems().size());
                }
                try {
                    return method.invoke(LocalDynamo.client(), args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });

    /** Refuses the next {@code times} transactions with this cancellation reason. */
    public RefusedTransactions refuse(int times, String reasonCode) {
        refusals.set(times);
        code = reasonCode;
        return this;
    }

    /** Refusing also interrupts the thread that sent the transaction. */
    public RefusedTransactions interrupting() {
        interrupt = true;
        return this;
    }

    /** The table over these refusals, for services that write through the enhanced client. */
    public DomusTable table(PlatformConfig config) {
        return new DomusTable(DynamoDbEnhancedClient.builder().dynamoDbClient(client).build(), config);
    }

    @SuppressWarnings("unchecked")
    private static TransactWriteItemsRequest request(Object argument) {
        if (argument instanceof TransactWriteItemsRequest request) return request;
        TransactWriteItemsRequest.Builder builder = TransactWriteItemsRequest.builder();
        ((Consumer<TransactWriteItemsRequest.Builder>) argument).accept(builder);
        return builder.build();
    }

    private TransactionCanceledException refusal(int items) {
        List<CancellationReason> reasons = new ArrayList<>();
        for (int i = 0; i < items; i++) reasons.add(CancellationReason.builder().code(i == 1 ? code : "None").build());
        if (interrupt) Thread.currentThread().interrupt();
        return TransactionCanceledException.builder().message("Transaction cancelled [" + code + "]").cancellationReasons(reasons).build();
    }
}
