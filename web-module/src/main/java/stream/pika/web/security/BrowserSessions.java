package stream.pika.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Optional;

/**
 * The browser's signed-in session, however the browser signed in (the form, Spotify): a new
 * session id at each sign-in (a planted one is worth nothing), the idle timeout, the hardened
 * cookie. The session holds the account id only; roles are read at every request.
 */
@ApplicationScoped
public class BrowserSessions {

    @Inject
    ClientAddress clientAddress;

    @Inject
    @ConfigProperty(name = "pika.auth.session-idle-timeout", defaultValue = "PT8H")
    Duration sessionIdleTimeout;

    /** Signs the browser in as this account. */
    public void signIn(HttpServletRequest request, HttpServletResponse response, long userId) {
        HttpSession previous = request.getSession(false);
        if (previous != null) {
            previous.invalidate();
        }
        HttpSession session = request.getSession(true);
        session.setAttribute(SignInMechanism.SESSION_USER, userId);
        session.setMaxInactiveInterval((int) Math.min(Integer.MAX_VALUE, sessionIdleTimeout.toSeconds()));
        SessionCookie.harden(response, clientAddress.secure(request));
    }

    /** The account this browser is signed in as, if any (as the session says; the mechanism checks its standing). */
    public Optional<Long> signedIn(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(SignInMechanism.SESSION_USER) instanceof Long userId
                ? Optional.of(userId) : Optional.empty();
    }
}
