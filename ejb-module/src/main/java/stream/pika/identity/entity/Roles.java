package stream.pika.identity.entity;

/** Role names used with {@code @RolesAllowed} (the values of {@link Role}). */
public final class Roles {

    /** A dancer with an account (likes that follow it across devices). */
    public static final String DANCER = "dancer";

    /** A DJ: goes live, sees its sets' recaps. */
    public static final String DJ = "dj";

    /** Runs events and stages (after an admin approved the application). */
    public static final String ORGANIZER = "organizer";

    /** Runs the platform: applications, roles, suspensions, shadow bans, the audit trail. */
    public static final String ADMIN = "admin";

    /**
     * Not stored: every signed-in caller holds it, whatever its roles and status (a pending
     * organizer has no role yet but sees its own account).
     */
    public static final String SIGNED_IN = "signed-in";

    private Roles() {
    }
}
