package stream.pika.web.input;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JSON limits and field types every client input is held to (pure logic, no server). */
class JsonInputTest {

    record Track(String title, Integer bpm, java.math.BigDecimal energy) {
    }

    record Message(String sessionId, Boolean push, Long pollId, List<String> options, List<Track> tracks, Track track) {
    }

    @Test
    void aPlainObjectIsRead() {
        JsonInput.Read read = JsonInput.object("{\"type\":\"PING\",\"messageId\":\"m1\",\"n\":1.5,\"list\":[1,{\"a\":null}]}");
        assertNull(read.problem());
        assertEquals("PING", read.object().getString("type"));
        assertEquals("m1", read.messageId());
    }

    @Test
    void whatIsNotAnObjectIsNotJson() {
        for (String text : List.of("this is not json", "[1,2,3]", "\"text\"", "5", "", "{\"a\":", "{\"a\" 1}")) {
            JsonInput.Read read = JsonInput.object(text);
            assertTrue(read.problem() != null && read.problem().startsWith("not "), text + " -> " + read.problem());
            assertNull(read.messageId(), text);
        }
    }

    @Test
    void limitsAreEnforcedAndTheMessageIdKept() {
        assertEquals("data after the JSON object", JsonInput.object("{\"messageId\":\"x\"} garbage").problem());
        assertEquals("data after the JSON object", JsonInput.object("{\"messageId\":\"x\"}{}").problem());
        assertNull(JsonInput.object("{\"messageId\":\"x\"}  \n ").problem(), "trailing whitespace is fine");
        JsonInput.Read deep = JsonInput.object("{\"messageId\":\"d\",\"pad\":" + "[".repeat(5000) + "]".repeat(5000) + "}");
        assertEquals("nested deeper than 8 levels", deep.problem());
        assertEquals("d", deep.messageId());
        assertNull(JsonInput.object("{\"a\":" + "[".repeat(7) + "]".repeat(7) + "}").problem(), "8 levels are fine");
        assertEquals("a number's exponent is out of range", JsonInput.object("{\"e\":1E-20000000}").problem());
        assertEquals("a number's exponent is out of range", JsonInput.object("{\"e\":1E-999999999}").problem());
        assertEquals("a number's exponent is out of range", JsonInput.object("{\"e\":1E+99999999999}").problem());
        assertEquals("a number is longer than 40 characters", JsonInput.object("{\"e\":" + "9".repeat(41) + "}").problem());
        assertNull(JsonInput.object("{\"bpm\":128.5,\"energy\":1E+1}").problem());
        JsonInput.Read nul = JsonInput.object("{\"messageId\":\"n\",\"sessionId\":\"abc\\u0000def\"}");
        assertEquals("text must not contain NUL characters", nul.problem());
        assertEquals("n", nul.messageId());
        assertEquals("text must not contain NUL characters", JsonInput.object("{\"a\\u0000\":1}").problem());
    }

    @Test
    void fieldsMustHaveTheirRecordsTypes() {
        assertEquals(Optional.empty(), types("{\"sessionId\":\"s\",\"push\":true,\"pollId\":5,\"options\":[\"a\",\"b\"],"
                + "\"tracks\":[{\"title\":\"t\",\"bpm\":120,\"energy\":0.5}],\"track\":null,\"unknown\":[1]}"));
        assertEquals(Optional.of("sessionId must be a string"), types("{\"sessionId\":12345678}"));
        assertEquals(Optional.of("push must be true or false"), types("{\"push\":\"<script>\"}"));
        assertEquals(Optional.of("pollId must be a whole number"), types("{\"pollId\":\"5\"}"));
        assertEquals(Optional.of("pollId must be a whole number"), types("{\"pollId\":5.5}"));
        assertEquals(Optional.of("pollId must be a whole number"), types("{\"pollId\":99999999999999999999}"));
        assertEquals(Optional.of("options[1] must be a string"), types("{\"options\":[\"a\",2]}"));
        assertEquals(Optional.of("tracks[0].bpm must be a whole number"), types("{\"tracks\":[{\"bpm\":\"fast\"}]}"));
        assertEquals(Optional.of("track must be an object"), types("{\"track\":\"text\"}"));
        assertEquals(Optional.of("track.energy must be a number"), types("{\"track\":{\"energy\":\"high\"}}"));
    }

    @Test
    void logTextIsEscapedAndShort() {
        assertEquals("a\\u0000b\\u0009c", LogText.of("a\u0000b\tc"));
        assertEquals("x".repeat(100) + "…", LogText.of("x".repeat(500)));
    }

    private static Optional<String> types(String json) {
        return WireTypes.mismatch(JsonInput.object(json).object(), Message.class);
    }
}
