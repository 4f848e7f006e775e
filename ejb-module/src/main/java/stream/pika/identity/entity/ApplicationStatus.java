package stream.pika.identity.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.Arrays;
import java.util.Locale;

/** Where an organizer application stands: waiting for an admin, approved or rejected. */
public enum ApplicationStatus {
    PENDING, APPROVED, REJECTED;

    /** The name in the database and on the wire. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status named by {@code value}, if it names one (an admin's filter). */
    public static java.util.Optional<ApplicationStatus> named(String value) {
        return Arrays.stream(values()).filter(status -> status.value().equals(value)).findFirst();
    }

    /** Column form: the lower-case name ({@code organizer_applications.status}). */
    @Converter
    public static class Column implements AttributeConverter<ApplicationStatus, String> {
        @Override
        public String convertToDatabaseColumn(ApplicationStatus status) {
            return status == null ? null : status.value();
        }

        @Override
        public ApplicationStatus convertToEntityAttribute(String value) {
            return value == null ? null : named(value).orElseThrow(() -> new IllegalArgumentException("Unknown application status: " + value));
        }
    }
}
