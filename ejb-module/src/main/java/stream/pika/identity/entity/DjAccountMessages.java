package stream.pika.identity.entity;

/** The texts DJs see from account operations (the original's, where it had one). */
public final class DjAccountMessages {

    public static final String EMAIL_TAKEN = "Email already registered";
    public static final String SLUG_TAKEN = "Display name already taken";
    public static final String SLUG_TOO_SHORT = "Display name must contain at least 2 letters or digits";
    public static final String SLUG_RESERVED = "Display name is reserved, please choose another";
    public static final String BAD_CREDENTIALS = "Invalid email or password";
    public static final String TOKEN_REQUIRED = "Authorization token required";
    public static final String TOKEN_INVALID = "Invalid token";
    public static final String ACCOUNT_SUSPENDED = "Account suspended";

    private DjAccountMessages() {
    }
}
