package stream.pika.identity.entity;

/** Role names used with {@code @RolesAllowed}. */
public final class Roles {

    /** A DJ signed in with a DJ token. */
    public static final String DJ = "dj";

    private Roles() {
    }
}
