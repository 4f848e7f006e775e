package stream.pika.platform.control;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.util.Optional;

/** Recognises PostgreSQL's unique-violation (SQLState 23505) anywhere in an exception's causes. */
public final class UniqueViolation {

    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueViolation() {
    }

    /** The name of the unique constraint that was violated, if that is what went wrong. */
    public static Optional<String> constraintOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PSQLException psql && UNIQUE_VIOLATION.equals(psql.getSQLState())) {
                ServerErrorMessage detail = psql.getServerErrorMessage();
                return Optional.of(detail == null || detail.getConstraint() == null ? "" : detail.getConstraint());
            }
        }
        return Optional.empty();
    }
}
