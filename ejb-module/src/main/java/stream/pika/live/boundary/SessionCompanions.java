package stream.pika.live.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The companions of every live session, called in turn; one that fails is logged and the others still run. */
@ApplicationScoped
public class SessionCompanions {

    private static final Logger LOG = Logger.getLogger(SessionCompanions.class.getName());

    @Inject
    Instance<SessionCompanion> companions;

    private Iterable<SessionCompanion> fixed;

    public SessionCompanions() {
    }

    /** Fixed companions, for a session life without a container. */
    SessionCompanions(Iterable<SessionCompanion> fixed) {
        this.fixed = fixed;
    }

    /** A companion that fails is logged; the session's own news (NOW_PLAYING, SESSION_ENDED) still goes out. */
    void each(Consumer<SessionCompanion> call) {
        for (SessionCompanion companion : fixed != null ? fixed : companions) {
            try {
                call.accept(companion);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Session companion " + companion.getClass().getSimpleName() + " failed", e);
            }
        }
    }
}
