package stream.pika.identity.entity;

import jakarta.validation.constraints.NotEmpty;

/** E-mail and password as typed at sign-in. */
public record Credentials(
        @NotEmpty(message = "Email and password are required")
        String email,

        @NotEmpty(message = "Email and password are required")
        String password) {

    @Override
    public String toString() {
        return "Credentials[email=" + email + "]";
    }
}
