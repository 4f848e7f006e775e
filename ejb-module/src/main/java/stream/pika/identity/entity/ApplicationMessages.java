package stream.pika.identity.entity;

/** The texts applicants and admins see from organizer applications and account administration. */
public final class ApplicationMessages {

    public static final String ALREADY_ORGANIZER = "This account is an organizer already";
    public static final String NOT_FOUND = "Application not found";
    public static final String ALREADY_DECIDED = "This application was decided already";
    public static final String REASON_REQUIRED = "A reason is required";
    public static final String USER_NOT_FOUND = "User not found";
    public static final String LAST_ADMIN = "This is the last active admin: make another admin first";
    public static final String NOT_YOURSELF = "Admins cannot suspend themselves";
    public static final String NOT_SUSPENDED = "This account is not suspended";
    public static final String ALREADY_SUSPENDED = "This account is suspended already";

    private ApplicationMessages() {
    }

    /** A rejected applicant waits before applying again. */
    public static String applyAgainFrom(java.time.Instant when) {
        return "You can apply again from " + when;
    }
}
