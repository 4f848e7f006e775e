package stream.pika.web.container;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Jakarta WebSocket API and nothing else: works on any container, at the cost the tuned
 * implementation saves (a text encoded per recipient, an idle-timer task per message on Payara).
 * A connection's hard close can only ask the container to close it again.
 */
public final class StandardContainer implements ContainerTuning {

    private static final Logger LOG = Logger.getLogger(StandardContainer.class.getName());

    private final ManagedThreadFactory threads;

    public StandardContainer(ManagedThreadFactory threads) {
        this.threads = threads;
    }

    @Override
    public String implementation() {
        return "standard";
    }

    @Override
    public List<String> tunings() {
        return List.of();
    }

    @Override
    public void serving(HttpServletRequest request) {
        // malformed paths keep the container's own answer: only its internals reach them
    }

    @Override
    public void upgrading(HttpServletRequest request) {
        // nothing beyond the standard upgrade
    }

    @Override
    public ConnectionLink opened(Session session) {
        return new StandardLink(session);
    }

    @Override
    public Thread newWriterThread(String name, Runnable task) {
        Thread thread = threads.newThread(task);
        thread.setName(name);
        thread.setDaemon(true);
        return thread;
    }

    /** A link through {@code RemoteEndpoint.Async}: the container encodes and frames each text. */
    static final class StandardLink implements ConnectionLink {
        private final Session session;

        StandardLink(Session session) {
            this.session = session;
        }

        @Override
        public Future<?> send(String json) {
            return session.getAsyncRemote().sendText(json);
        }

        @Override
        public void abort() {
            try {
                session.close(new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "Too slow to keep up"));
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "Closing " + session.getId() + " again failed", e);
            }
        }
    }
}
