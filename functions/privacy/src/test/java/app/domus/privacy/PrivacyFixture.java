package app.domus.privacy;

import app.domus.privacy.deletion.AccountDeletion;
import app.domus.privacy.deletion.DeleteAccountHandlerAccess;
import app.domus.privacy.export.ExportStore;
import app.domus.privacy.export.Exports;
import app.domus.privacy.export.PersonalData;
import app.domus.shared.directory.BuildingItem;
import app.domus.shared.directory.UnitItem;
import app.domus.shared.directory.UserItem;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.testing.DirectoryWorld;
import app.domus.shared.testing.LocalDynamo;
import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A directory world with the privacy services wired to it and an estate: building A1 with units 1A (Olga's) and 2A
 * (Paula's); both are owners with an account, a password, a session and its refresh token; Paula delegated her vote
 * for 2A to Olga; a vote in A1 with a ballot from each; a charge on each unit's account. Exports go to a map.
 */
public final class PrivacyFixture extends DirectoryWorld {
    public static final String PASSWORD = "olga's long and private passphrase";

    /** The exports' store: key → bytes; links name the key. */
    public final Map<String, byte[]> objects = new ConcurrentHashMap<>();
    public final ExportStore store = new ExportStore() {
        @Override public void put(String key, byte[] zip, String fileName) { objects.put(key, zip); }
        @Override public String link(String key, Duration life) { return "https://s3.test/" + key + "?expires=" + life.toSeconds(); }
        @Override public int deleteAll(String prefix) {
            List<String> keys = objects.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
            keys.forEach(objects::remove);
            return keys.size();
        }
    };
    public final RawItems raw = new RawItems(LocalDynamo.client(), config);
    public final Exports exports = new Exports(table, outbox, new PersonalData(raw), store, notifications, clock);
    public final AccountDeletion deletion = new AccountDeletion(table, raw, outbox, store, clock);
    public final HttpHandler deleteAccount = DeleteAccountHandlerAccess.handler(deletion);

    public final String org = organisation("Org A");
    public final BuildingItem a1 = building(org, "Lindenstraße 5");
    public final UnitItem unit1A = unit(a1, "1A");
    public final UnitItem unit2A = unit(a1, "2A");
    public final String olga = user("Olga Owner");
    public final String paula = user("Paula Owner");
    public final String voteId = "vote-1";

    public PrivacyFixture() {
        super(START);
        own(olga, unit1A, 1, 2);
        own(paula, unit2A, 1, 2);
        withPassword(olga, PASSWORD);
        withPassword(paula, "paula's long and private passphrase");
        session(olga, "session-" + olga, "refresh-hash-olga", START.toString());
        session(paula, "session-" + paula, "refresh-hash-paula", START.toString());
        delegation(paula, olga, unit2A, java.util.Set.of("VOTE"));
        put(Map.of("pk", s("VOTE#" + voteId), "sk", s("VOTE"), "gsi1pk", s("BUILDING#" + a1.getId() + "#VOTES"),
                "gsi1sk", s(voteId), "title", s("Repaint the staircase")));
        ballot(unit1A, olga, null);
        ballot(unit2A, olga, paula);
        ledgerEntry(unit1A, 18000);
        ledgerEntry(unit2A, 21000);
        put(Map.of("pk", s("USER#" + olga), "sk", s("PREFERENCES"), "channels", s("email")));
        put(Map.of("pk", s("USER#" + paula), "sk", s("NOTIFICATION#01"), "title", s("Paula's own notice")));
    }

    public void withPassword(String userId, String password) {
        UserItem user = table.get(UserItem.class, UserItem.pk(userId), UserItem.SK).orElseThrow();
        user.setPasswordHash(Password.hash(password).addRandomSalt(16)
                .with(Argon2Function.getInstance(1024, 1, 1, 32, Argon2.ID)).getResult());
        table.of(UserItem.class).updateItem(user);
    }

    public void session(String userId, String sessionId, String tokenHash, String createdAt) {
        put(Map.of("pk", s("USER#" + userId), "sk", s("SESSION#" + sessionId), "sessionId", s(sessionId),
                "userId", s(userId), "createdAt", s(createdAt), "currentTokenHash", s(tokenHash)));
        put(Map.of("pk", s("REFRESH#" + tokenHash), "sk", s("REFRESH"), "userId", s(userId), "sessionId", s(sessionId),
                "status", s("ACTIVE")));
    }

    private void ballot(UnitItem unit, String castBy, String onBehalfOf) {
        Map<String, AttributeValue> ballot = new HashMap<>(Map.of("pk", s("VOTE#" + voteId), "sk", s("BALLOT#" + unit.getId()),
                "voteId", s(voteId), "unitId", s(unit.getId()), "optionId", s("yes"), "weight", s("1/2"), "castBy", s(castBy)));
        if (onBehalfOf != null) ballot.put("onBehalfOf", s(onBehalfOf));
        put(ballot);
    }

    private void ledgerEntry(UnitItem unit, long amount) {
        put(Map.of("pk", s("LEDGER#" + unit.getId()), "sk", s("ENTRY#000000000001"), "amount", AttributeValue.fromN(String.valueOf(amount)),
                "balanceAfter", AttributeValue.fromN(String.valueOf(amount)), "kind", s("charge")));
        put(Map.of("pk", s("LEDGER#" + unit.getId()), "sk", s("BALANCE"), "balance", AttributeValue.fromN(String.valueOf(amount))));
    }

    public void put(Map<String, AttributeValue> item) {
        LocalDynamo.client().putItem(b -> b.tableName(config.tableName()).item(item));
    }

    public Map<String, AttributeValue> item(String pk, String sk) {
        return raw.get(pk, sk).orElse(null);
    }

    /** Every item of the table but the outbox's, by key: what a deletion must keep is compared on it. */
    public Map<String, Map<String, AttributeValue>> itemsOutsideOutbox() {
        Map<String, Map<String, AttributeValue>> items = new TreeMap<>();
        LocalDynamo.client().scanPaginator(b -> b.tableName(config.tableName())).items().forEach(i -> {
            if (!i.get("pk").s().startsWith("OUTBOX#")) items.put(i.get("pk").s() + " " + i.get("sk").s(), i);
        });
        return items;
    }

    public static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
