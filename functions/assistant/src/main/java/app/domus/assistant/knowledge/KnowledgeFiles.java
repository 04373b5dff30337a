package app.domus.assistant.knowledge;

/** Where the knowledge's files live (documents' text, the buildings' indexes): S3 on AWS and in the local cloud. */
public interface KnowledgeFiles {
    void put(String key, byte[] content, String contentType);

    byte[] get(String key);

    void delete(String key);
}
