package stream.pika.identity.entity;

import jakarta.validation.GroupSequence;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import stream.pika.platform.entity.CharLength;

/**
 * A request to open a DJ account. Presence is checked first, so a request with missing fields
 * gets one clear message (the original's) rather than a list.
 */
@GroupSequence({Registration.Presence.class, Registration.class})
public record Registration(
        @NotBlank(message = Registration.REQUIRED, groups = Presence.class)
        @Size(max = 254, message = "Email must be at most 254 characters")
        @Email(regexp = Registration.EMAIL_SHAPE, message = "Invalid email format")
        String email,

        @NotEmpty(message = Registration.REQUIRED, groups = Presence.class)
        @Size(min = Registration.MIN_PASSWORD_LENGTH, message = "Password must be at least 8 characters")
        @Size(max = Registration.MAX_PASSWORD_LENGTH, message = "Password must be at most 128 characters")
        String password,

        @NotBlank(message = Registration.REQUIRED, groups = Presence.class)
        @CharLength(min = 2, message = "Display name must be at least 2 characters")
        @CharLength(max = 100, message = "Display name must be at most 100 characters")
        @Pattern(regexp = "[^<>\"']*", message = "Display name must not contain < > \" or '")
        String displayName) {

    static final String REQUIRED = "Email, password, and display name are required";
    /** A password's bounds, for registration and for the first admin's configured password. */
    public static final int MIN_PASSWORD_LENGTH = 8;
    public static final int MAX_PASSWORD_LENGTH = 128;
    /** Something@something.tld without spaces: what mail actually needs, no more. */
    static final String EMAIL_SHAPE = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

    /** Validation group of the presence checks. */
    public interface Presence {
    }

    @Override
    public String toString() {
        return "Registration[email=" + email + ", displayName=" + displayName + "]";
    }
}
