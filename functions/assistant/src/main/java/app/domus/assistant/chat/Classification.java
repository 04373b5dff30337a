package app.domus.assistant.chat;

/** What the classifiers made of a message: its intent, and for a reported fault its category (else null). */
public record Classification(String intent, String faultCategory) {
    public record Input(String message) {}
}
