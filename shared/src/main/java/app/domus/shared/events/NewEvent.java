package app.domus.shared.events;

/**
 * A domain event a change will cause, before it is written: for code that decides the events in one place and
 * writes the transaction in another (a store). {@link Outbox#add(software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest.Builder, NewEvent)}
 * turns it into an outbox item of that transaction.
 *
 * @param aggregateId the object the event is about; its events are published in the order they were written
 */
public record NewEvent(String type, String organisationId, String aggregateId, Object payload) {}
