package stream.pika.web.container;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.websocket.Session;

import java.util.List;

/** What the live path asks of the WebSocket container, in one place (see the package notes). */
public interface ContainerTuning {

    /**
     * Where the tuned container sends a request whose path it cannot take (a bad escape, an
     * encoded slash, NUL, backslash, {@code ..} above the root): the application answers it 400.
     */
    String MALFORMED_PATH = "/_malformed-path";

    /** {@code standard} or {@code payara-tuned}: shown in readiness. */
    String implementation();

    /** The tunings in force, by name (empty for the standard implementation). */
    List<String> tunings();

    /** A request the application serves (every one): the tuned container watches its listener's malformed paths from the first. */
    void serving(HttpServletRequest request);

    /** A request asking for a WebSocket upgrade, before the container performs it. */
    void upgrading(HttpServletRequest request);

    /** A connection just opened: what it needs for its life (its writer, its hard close). */
    ConnectionLink opened(Session session);

    /** A thread that writes to connections from outside a client's request (pings, other nodes' messages). */
    Thread newWriterThread(String name, Runnable task);
}
