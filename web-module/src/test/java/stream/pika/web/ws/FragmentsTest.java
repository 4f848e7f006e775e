package stream.pika.web.ws;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a long message is cut into WebSocket fragments. */
class FragmentsTest {

    private static List<String> cut(String text) {
        List<String> parts = new ArrayList<>();
        for (int start = 0; start < text.length(); ) {
            int end = Connection.fragmentEnd(text, start);
            parts.add(text.substring(start, end));
            start = end;
        }
        return parts;
    }

    @Test
    void fragmentsAreAtMostTheLimitAndJoinBackToTheMessage() {
        String text = "x".repeat(Connection.FRAGMENT_CHARS * 2 + 17);
        List<String> parts = cut(text);
        assertEquals(List.of(Connection.FRAGMENT_CHARS, Connection.FRAGMENT_CHARS, 17), parts.stream().map(String::length).toList());
        assertEquals(text, String.join("", parts));
    }

    @Test
    void aSurrogatePairOnTheBoundaryStaysInOneFragment() {
        String headphones = "\uD83C\uDFA7"; // 🎧, two chars
        String text = "a".repeat(Connection.FRAGMENT_CHARS - 1) + headphones + "b".repeat(10);
        List<String> parts = cut(text);
        assertEquals(Connection.FRAGMENT_CHARS - 1, parts.get(0).length());
        assertTrue(parts.get(1).startsWith(headphones));
        for (String part : parts) {
            assertFalse(Character.isHighSurrogate(part.charAt(part.length() - 1)), "no fragment ends inside a pair");
        }
        assertEquals(text, String.join("", parts));
    }

    @Test
    void aShortMessageIsOneFragment() {
        assertEquals(List.of("{\"type\":\"PONG\"}"), cut("{\"type\":\"PONG\"}"));
    }
}
