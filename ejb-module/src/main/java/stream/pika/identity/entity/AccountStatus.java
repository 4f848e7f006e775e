package stream.pika.identity.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.Arrays;
import java.util.Locale;

/**
 * Where an account stands. {@code PENDING}: an organizer application waits for an admin;
 * {@code REJECTED}: it was refused; both may sign in and see that. {@code SUSPENDED}: an admin
 * stopped the account, and every token of it stops working at once.
 */
public enum AccountStatus {
    ACTIVE, PENDING, REJECTED, SUSPENDED;

    /** The name in the database and on the wire. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean maySignIn() {
        return this != SUSPENDED;
    }

    public static AccountStatus of(String value) {
        return Arrays.stream(values()).filter(status -> status.value().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown account status: " + value));
    }

    /** Column form: the lower-case name ({@code users.status}). */
    @Converter
    public static class Column implements AttributeConverter<AccountStatus, String> {
        @Override
        public String convertToDatabaseColumn(AccountStatus status) {
            return status == null ? null : status.value();
        }

        @Override
        public AccountStatus convertToEntityAttribute(String value) {
            return value == null ? null : of(value);
        }
    }
}
