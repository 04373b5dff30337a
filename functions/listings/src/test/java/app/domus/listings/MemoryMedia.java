package app.domus.listings;

import app.domus.listings.photos.MediaStore;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** The photos bucket in memory: objects with their content types; download URLs name the key. */
public final class MemoryMedia implements MediaStore {
    public record StoredObject(byte[] bytes, String contentType) {}

    private final Map<String, StoredObject> objects = new ConcurrentHashMap<>();

    public Map<String, StoredObject> objects() {
        return new TreeMap<>(objects);
    }

    @Override
    public Optional<Long> size(String key) {
        return Optional.ofNullable(objects.get(key)).map(o -> (long) o.bytes().length);
    }

    @Override
    public byte[] firstBytes(String key, int count) {
        byte[] bytes = objects.get(key).bytes();
        return Arrays.copyOf(bytes, Math.min(count, bytes.length));
    }

    @Override
    public Optional<byte[]> read(String key) {
        return Optional.ofNullable(objects.get(key)).map(StoredObject::bytes);
    }

    @Override
    public void put(String key, byte[] bytes, String contentType) {
        objects.put(key, new StoredObject(bytes, contentType));
    }

    @Override
    public boolean copy(String fromKey, String toKey, String contentType) {
        StoredObject from = objects.get(fromKey);
        if (from == null) return false;
        objects.put(toKey, new StoredObject(from.bytes(), contentType));
        return true;
    }

    @Override
    public void delete(String key) {
        objects.remove(key);
    }

    /** One bucket in tests. */
    @Override
    public MediaStore inBucket(String bucket) {
        return this;
    }

    @Override
    public String downloadUrl(String key, Duration validFor) {
        return "https://photos.example/" + key;
    }
}
