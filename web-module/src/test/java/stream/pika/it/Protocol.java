package stream.pika.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks of server messages against contract section 1.5 and the clients' schemas. */
public final class Protocol {

    private Protocol() {
    }

    /** No null anywhere, timestamps ISO-8601 UTC with Z, session ids 8–64, DJ names 1–100. */
    public static JsonObject valid(JsonObject message) {
        assertFalse(containsNull(message), () -> "null in " + message);
        for (String field : new String[]{"timestamp", "startTime", "endsAt", "startedAt", "lastActivityAt"}) {
            if (message.containsKey(field)) {
                String text = message.getString(field);
                assertTrue(text.endsWith("Z"), field + " not UTC: " + text);
                Instant.parse(text);
            }
        }
        if (message.containsKey("sessionId")) {
            int length = message.getString("sessionId").length();
            assertTrue(length >= 8 && length <= 64, "sessionId length " + length);
        }
        if (message.containsKey("djName")) {
            String name = message.getString("djName");
            assertTrue(!name.isEmpty() && name.length() <= 100, "djName " + name);
        }
        return message;
    }

    /** The message has exactly these fields (besides the ones listed, none). */
    public static void fields(JsonObject message, String... names) {
        assertEquals(java.util.Set.of(names), message.keySet(), () -> "fields of " + message);
    }

    private static boolean containsNull(JsonValue value) {
        return switch (value.getValueType()) {
            case NULL -> true;
            case OBJECT -> value.asJsonObject().entrySet().stream().map(Map.Entry::getValue).anyMatch(Protocol::containsNull);
            case ARRAY -> value.asJsonArray().stream().anyMatch(Protocol::containsNull);
            default -> false;
        };
    }
}
