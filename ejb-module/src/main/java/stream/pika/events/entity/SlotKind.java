package stream.pika.events.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What happens in a schedule slot; social dancing is where a DJ plays. */
public enum SlotKind {
    SOCIAL, WORKSHOP, COMPETITION, OTHER;

    /** The name in the database and on the wire. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SlotKind> named(String value) {
        return Arrays.stream(values()).filter(v -> v.value().equals(value)).findFirst();
    }

    /** Column form: the lower-case name. */
    @Converter
    public static class Column implements AttributeConverter<SlotKind, String> {
        @Override
        public String convertToDatabaseColumn(SlotKind value) {
            return value == null ? null : value.value();
        }

        @Override
        public SlotKind convertToEntityAttribute(String value) {
            return value == null ? null : named(value).orElseThrow(() -> new IllegalArgumentException("Unknown SlotKind: " + value));
        }
    }
}
