package stream.pika.platform.entity;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class JsonStringListTest {

    @Test
    void pollOptionsRoundTripAsJson() {
        JsonStringList converter = new JsonStringList();
        List<String> options = List.of("Faster \"please\"", "Slower", "Ünïcode ✓");
        String json = converter.convertToDatabaseColumn(options);
        assertEquals("[\"Faster \\\"please\\\"\",\"Slower\",\"Ünïcode ✓\"]", json);
        assertEquals(options, converter.convertToEntityAttribute(json));
        assertNull(converter.convertToDatabaseColumn(null));
    }

    @Test
    void instantsAreStoredInUtc() {
        UtcInstants converter = new UtcInstants();
        Instant instant = Instant.parse("2026-11-27T21:15:30.123456Z");
        OffsetDateTime stored = converter.convertToDatabaseColumn(instant);
        assertEquals(ZoneOffset.UTC, stored.getOffset());
        assertEquals(instant, converter.convertToEntityAttribute(stored));
        assertEquals(instant, converter.convertToEntityAttribute(stored.withOffsetSameInstant(ZoneOffset.ofHours(5))));
    }
}
