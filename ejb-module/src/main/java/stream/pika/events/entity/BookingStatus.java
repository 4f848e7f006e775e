package stream.pika.events.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A DJ booking of a slot: {@code invited} → {@code accepted} | {@code declined}; later {@code completed}. */
public enum BookingStatus {
    INVITED, ACCEPTED, DECLINED, COMPLETED;

    /** The name in the database and on the wire. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<BookingStatus> named(String value) {
        return Arrays.stream(values()).filter(v -> v.value().equals(value)).findFirst();
    }

    /** Column form: the lower-case name. */
    @Converter
    public static class Column implements AttributeConverter<BookingStatus, String> {
        @Override
        public String convertToDatabaseColumn(BookingStatus value) {
            return value == null ? null : value.value();
        }

        @Override
        public BookingStatus convertToEntityAttribute(String value) {
            return value == null ? null : named(value).orElseThrow(() -> new IllegalArgumentException("Unknown BookingStatus: " + value));
        }
    }
}
