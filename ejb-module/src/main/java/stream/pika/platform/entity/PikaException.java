package stream.pika.platform.entity;

import jakarta.ejb.ApplicationException;

/**
 * A refusal the caller should see as it is: bad input, a missing right, a clash. Adapters turn
 * the {@link Kind} into their own answer (HTTP status, NACK); the message is safe to show.
 */
@ApplicationException(rollback = true)
public class PikaException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the request was refused, independent of the protocol that carried it. */
    public enum Kind {
        INVALID, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, PRECONDITION_REQUIRED, RATE_LIMITED, UNAVAILABLE
    }

    private final Kind kind;

    public PikaException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static PikaException invalid(String message) {
        return new PikaException(Kind.INVALID, message);
    }

    public static PikaException unauthenticated(String message) {
        return new PikaException(Kind.UNAUTHENTICATED, message);
    }

    public static PikaException forbidden(String message) {
        return new PikaException(Kind.FORBIDDEN, message);
    }

    public static PikaException notFound(String message) {
        return new PikaException(Kind.NOT_FOUND, message);
    }

    /** A change that must name the version it is based on did not (HTTP 428). */
    public static PikaException preconditionRequired(String message) {
        return new PikaException(Kind.PRECONDITION_REQUIRED, message);
    }

    public static PikaException conflict(String message) {
        return new PikaException(Kind.CONFLICT, message);
    }
}
