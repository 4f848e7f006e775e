package stream.pika.platform.control;

import jakarta.ejb.SessionContext;

/** The signed-in caller's account id: the principal name the authentication mechanisms set. */
public final class CallerIds {

    private CallerIds() {
    }

    public static long of(SessionContext context) {
        return Long.parseLong(context.getCallerPrincipal().getName());
    }
}
