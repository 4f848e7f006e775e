package stream.pika.events.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where an event stands: {@code draft} (its organizer only) → {@code published} (everyone sees it) → {@code active} (it is on) → {@code ended}. */
public enum EventStatus {
    DRAFT, PUBLISHED, ACTIVE, ENDED;

    /** The name in the database and on the wire. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<EventStatus> named(String value) {
        return Arrays.stream(values()).filter(v -> v.value().equals(value)).findFirst();
    }

    /** Column form: the lower-case name. */
    @Converter
    public static class Column implements AttributeConverter<EventStatus, String> {
        @Override
        public String convertToDatabaseColumn(EventStatus value) {
            return value == null ? null : value.value();
        }

        @Override
        public EventStatus convertToEntityAttribute(String value) {
            return value == null ? null : named(value).orElseThrow(() -> new IllegalArgumentException("Unknown EventStatus: " + value));
        }
    }
}
