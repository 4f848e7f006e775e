package stream.pika.web.container;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.websocket.Session;

import java.util.List;

/** What the live path asks of the WebSocket container, in one place (see the package notes). */
public interface ContainerTuning {

    /** {@code standard} or {@code payara-tuned}: shown in readiness. */
    String implementation();

    /** The tunings in force, by name (empty for the standard implementation). */
    List<String> tunings();

    /** A request asking for a WebSocket upgrade, before the container performs it. */
    void upgrading(HttpServletRequest request);

    /** A connection just opened: what it needs for its life (its writer, its hard close). */
    ConnectionLink opened(Session session);

    /** A thread that writes to connections from outside a client's request (pings, other nodes' messages). */
    Thread newWriterThread(String name, Runnable task);
}
