package stream.pika.identity.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.Arrays;

/** What a user may do; a user holds a set of them (a DJ may also organize). Stored by {@link #value()}. */
public enum Role {
    DANCER(Roles.DANCER),
    DJ(Roles.DJ),
    ORGANIZER(Roles.ORGANIZER),
    ADMIN(Roles.ADMIN);

    private final String value;

    Role(String value) {
        this.value = value;
    }

    /** The name in the database, in {@code @RolesAllowed} and on the wire. */
    public String value() {
        return value;
    }

    public static Role of(String value) {
        return Arrays.stream(values()).filter(role -> role.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown role: " + value));
    }

    /** Column form: the lower-case name ({@code user_roles.role}). */
    @Converter
    public static class Column implements AttributeConverter<Role, String> {
        @Override
        public String convertToDatabaseColumn(Role role) {
            return role == null ? null : role.value;
        }

        @Override
        public Role convertToEntityAttribute(String value) {
            return value == null ? null : of(value);
        }
    }
}
