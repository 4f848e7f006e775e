package stream.pika.events.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How loud an event announcement is: {@code info}, {@code warning}, or {@code urgent} (the phone insists). */
public enum AnnouncementPriority {
    INFO, WARNING, URGENT;

    /** The name in the database and on the wire. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AnnouncementPriority> named(String value) {
        return Arrays.stream(values()).filter(v -> v.value().equals(value)).findFirst();
    }

    /** Column form: the lower-case name. */
    @Converter
    public static class Column implements AttributeConverter<AnnouncementPriority, String> {
        @Override
        public String convertToDatabaseColumn(AnnouncementPriority value) {
            return value == null ? null : value.value();
        }

        @Override
        public AnnouncementPriority convertToEntityAttribute(String value) {
            return value == null ? null
                    : named(value).orElseThrow(() -> new IllegalArgumentException("Unknown AnnouncementPriority: " + value));
        }
    }
}
