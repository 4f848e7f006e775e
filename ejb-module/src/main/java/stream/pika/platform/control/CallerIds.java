package stream.pika.platform.control;

import jakarta.ejb.SessionContext;

import java.util.Optional;

/** The signed-in caller's account id: the principal name the authentication mechanisms set. */
public final class CallerIds {

    private CallerIds() {
    }

    public static long of(SessionContext context) {
        return Long.parseLong(context.getCallerPrincipal().getName());
    }

    /** The caller's account id when it is signed in (holds {@code signedInRole}), else empty. */
    public static Optional<Long> ifSignedIn(SessionContext context, String signedInRole) {
        return context.isCallerInRole(signedInRole) ? Optional.of(of(context)) : Optional.empty();
    }
}
