package stream.pika.platform.control;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.util.Optional;

/**
 * Recognises PostgreSQL's integrity refusals anywhere in an exception's causes: a unique violation
 * (SQLState 23505), and with {@link #constraintOf(Throwable, String)} others, such as an exclusion
 * ({@value #EXCLUSION}) or a check ({@value #CHECK}) violation.
 */
public final class UniqueViolation {

    private static final String UNIQUE_VIOLATION = "23505";
    public static final String EXCLUSION = "23P01";
    public static final String CHECK = "23514";

    private UniqueViolation() {
    }

    /** The name of the unique constraint that was violated, if that is what went wrong. */
    public static Optional<String> constraintOf(Throwable failure) {
        return constraintOf(failure, UNIQUE_VIOLATION);
    }

    /** The name of the constraint whose violation with this SQLState caused the failure, if any. */
    public static Optional<String> constraintOf(Throwable failure, String sqlState) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PSQLException psql && sqlState.equals(psql.getSQLState())) {
                ServerErrorMessage detail = psql.getServerErrorMessage();
                return Optional.of(detail == null || detail.getConstraint() == null ? "" : detail.getConstraint());
            }
        }
        return Optional.empty();
    }
}
