package app.domus.delegations;

import app.domus.shared.http.ApiException;
import app.domus.shared.http.ProblemType;
import app.domus.shared.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where a list of delegations goes on. The list reads several index partitions one after another (what the
 * caller gave, what they received under their user id, what waits for their e-mail address), so the cursor
 * names the partition ({@code part}) and, within it, the index cursor to continue after ({@code after}, null
 * to start that partition from its beginning). The inner cursor is checked against its partition when used.
 */
record ListCursor(String part, String after) {

    String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(this).getBytes(StandardCharsets.UTF_8));
    }

    static ListCursor decode(String cursor) {
        try {
            ListCursor decoded = Json.read(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8),
                    ListCursor.class);
            if (decoded == null || decoded.part() == null) throw invalid();
            return decoded;
        } catch (RuntimeException e) {
            throw invalid();
        }
    }

    static ApiException invalid() {
        return new ApiException(ProblemType.INVALID_CURSOR, "Start again from the first page");
    }
}
