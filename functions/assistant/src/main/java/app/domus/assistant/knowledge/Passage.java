package app.domus.assistant.knowledge;

/** A retrieved piece of a building's document, with its source and BM25 score. */
public record Passage(String documentId, String title, String buildingId, String text, float score) {}
