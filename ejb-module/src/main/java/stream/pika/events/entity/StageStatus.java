package stream.pika.events.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A stage is {@code active}, {@code paused} (a break) or {@code closed} (no DJ may go live there). */
public enum StageStatus {
    ACTIVE, PAUSED, CLOSED;

    /** The name in the database and on the wire. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<StageStatus> named(String value) {
        return Arrays.stream(values()).filter(v -> v.value().equals(value)).findFirst();
    }

    /** Column form: the lower-case name. */
    @Converter
    public static class Column implements AttributeConverter<StageStatus, String> {
        @Override
        public String convertToDatabaseColumn(StageStatus value) {
            return value == null ? null : value.value();
        }

        @Override
        public StageStatus convertToEntityAttribute(String value) {
            return value == null ? null : named(value).orElseThrow(() -> new IllegalArgumentException("Unknown StageStatus: " + value));
        }
    }
}
