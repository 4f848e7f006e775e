package stream.pika.identity.entity;

import jakarta.validation.GroupSequence;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import stream.pika.platform.entity.CharLength;

/**
 * {@code POST /api/auth/register/organizer}: a new account that applies to organize. The account
 * checks are {@link Registration}'s, the application's {@link OrganizerDetails}' (flat on the wire).
 */
@GroupSequence({Registration.Presence.class, OrganizerSignUp.class})
public record OrganizerSignUp(
        @NotBlank(message = OrganizerSignUp.REQUIRED, groups = Registration.Presence.class)
        @Size(max = 254, message = "Email must be at most 254 characters")
        @Email(regexp = Registration.EMAIL_SHAPE, message = "Invalid email format")
        String email,

        @NotEmpty(message = OrganizerSignUp.REQUIRED, groups = Registration.Presence.class)
        @Size(min = Registration.MIN_PASSWORD_LENGTH, message = "Password must be at least 8 characters")
        @Size(max = Registration.MAX_PASSWORD_LENGTH, message = "Password must be at most 128 characters")
        String password,

        @NotBlank(message = OrganizerSignUp.REQUIRED, groups = Registration.Presence.class)
        @CharLength(min = 2, message = "Display name must be at least 2 characters")
        @CharLength(max = 100, message = "Display name must be at most 100 characters")
        @Pattern(regexp = "[^<>\"']*", message = "Display name must not contain < > \" or '")
        String displayName,

        @NotBlank(message = OrganizerSignUp.REQUIRED, groups = Registration.Presence.class)
        String organization,

        String website,

        String message) {

    static final String REQUIRED = "Email, password, display name and organization are required";

    /** The application part (validated by the boundary, as a DJ's own application is). */
    public OrganizerDetails details() {
        return new OrganizerDetails(organization, website, message);
    }

    /** The account part. */
    public Registration registration() {
        return new Registration(email, password, displayName);
    }

    @Override
    public String toString() {
        return "OrganizerSignUp[email=" + email + ", displayName=" + displayName + ", organization=" + organization + "]";
    }
}
