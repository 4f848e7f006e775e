package stream.pika.crate.entity;

/** What Smart Crate tells its users. */
public final class CrateMessages {

    public static final String SESSION_NOT_FOUND = "Session not found";
    public static final String NOT_YOUR_SET = "Only the set's own DJ verifies its tracks";
    public static final String MATCH_NOT_FOUND = "Match not found";
    public static final String TRACK_NOT_FOUND = "Catalog track not found";
    public static final String NOTHING_TO_CONFIRM = "This match proposes no catalog track: choose one";
    public static final String DECIDED_ALREADY = "This match was verified already";
    public static final String QUERY = "q must be 2 to 200 characters";

    private CrateMessages() {
    }
}
