package stream.pika.push.entity;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import stream.pika.platform.entity.PikaException;

import java.io.StringReader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PushPayloadTest {

    @Test
    void anAnnouncementHasTheOriginalShape() {
        assertEquals(json("{\"title\":\"Announcement from DJ \\\"Q\\\"\",\"body\":\"Last dance\",\"data\":{\"url\":\"/live\"}}"),
                json(PushPayload.announcement("DJ \"Q\"", "Last dance").json()));
    }

    @Test
    void aDjMaySendTextOrTitleBodyIconAndData() {
        assertEquals("Plain", PushPayload.given(Json.createValue("Plain")).json());
        JsonValue given = json("{\"title\":\"T\",\"body\":\"B\",\"icon\":\"/i.png\",\"data\":{\"url\":\"/live\",\"n\":1},\"extra\":true}");
        assertEquals(json("{\"title\":\"T\",\"body\":\"B\",\"icon\":\"/i.png\",\"data\":{\"url\":\"/live\",\"n\":1}}"),
                json(PushPayload.given(given).json()), "unknown fields are dropped");
    }

    @Test
    void badPayloadsAreRefusedWithAReason() {
        refused("payload must not be empty", Json.createValue("  "));
        refused("payload must be a string or an object with title and body", json("[1]"));
        refused("payload.title is required", json("{\"body\":\"B\"}"));
        refused("payload.body must be a string of 1 to 1000 characters", json("{\"title\":\"T\",\"body\":7}"));
        refused("payload.data must be an object", json("{\"title\":\"T\",\"body\":\"B\",\"data\":\"x\"}"));
        refused("payload must be at most 3072 bytes of JSON", Json.createValue("é".repeat(1_600)));
    }

    private static void refused(String reason, JsonValue payload) {
        assertEquals(reason, assertThrows(PikaException.class, () -> PushPayload.given(payload)).getMessage());
    }

    private static JsonValue json(String text) {
        return Json.createReader(new StringReader(text)).readValue();
    }
}
