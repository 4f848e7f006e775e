package stream.pika.web.ws;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import stream.pika.web.container.ContainerTuning;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The WebSocket connections of this node. Each is pinged at a steady interval, which keeps idle
 * phones (and the proxies between) connected; one that has not answered for the idle timeout is
 * gone and gets closed.
 */
@ApplicationScoped
public class OpenConnections {

    private static final Logger LOG = Logger.getLogger(OpenConnections.class.getName());

    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    /** Connections this side closed: terminated once the close grace is over, in case the close never got through. */
    private final Set<Connection> closing = ConcurrentHashMap.newKeySet();
    private volatile Thread pinger;
    private volatile boolean stopped;

    @Inject
    ContainerTuning container;

    @Inject
    ConnectionSettings settings;

    void add(Connection connection) {
        open.add(connection);
        if (pinger == null) {
            startPinging();
        }
    }

    void remove(Connection connection) {
        open.remove(connection);
    }

    /** This side closed the connection (too slow, idle): its socket must be gone within the close grace. */
    void closing(Connection connection) {
        closing.add(connection);
    }

    /**
     * The interval is cut into up to 30 ticks and each connection is pinged on its own tick: ten
     * thousand pings (and pongs) at once every interval would be a burst the room's broadcasts
     * wait behind. One writer thread of its own (see {@link ContainerTuning#newWriterThread}).
     * Every tick also terminates connections whose close never got through.
     */
    private synchronized void startPinging() {
        if (pinger == null) {
            pinger = container.newWriterThread("pika-pinger", this::pingLoop);
            pinger.start();
        }
    }

    private void pingLoop() {
        long millis = settings.pingInterval().toMillis();
        int ticks = (int) Math.max(1, Math.min(30, millis / 100));
        long idleNanos = settings.idleTimeout().toNanos();
        long graceNanos = settings.closeGrace().toNanos();
        for (long tick = 0; !stopped; tick++) {
            try {
                Thread.sleep(millis / ticks);
                int now = (int) (tick % ticks);
                closing.removeIf(connection -> {
                    if (!connection.closedLongerThan(graceNanos)) {
                        return false;
                    }
                    if (open.remove(connection)) {
                        LOG.info(() -> "Connection " + connection.id() + " still open " + settings.closeGrace()
                                + " after its close; terminated");
                    }
                    connection.terminate();
                    return true;
                });
                open.forEach(connection -> {
                    if (Math.floorMod(connection.hashCode(), ticks) == now) {
                        pingOrClose(connection, idleNanos);
                    }
                });
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Pinging failed", e);
            }
        }
    }

    private void pingOrClose(Connection connection, long idleNanos) {
        if (connection.silentFor(idleNanos)) {
            LOG.info(() -> "Idle timeout: closing connection " + connection.id() + ", silent for " + settings.idleTimeout());
            connection.close(Connection.CLOSE_GOING_AWAY, "Idle timeout");
        } else {
            connection.ping();
        }
    }

    @PreDestroy
    void stop() {
        stopped = true;
        if (pinger != null) {
            pinger.interrupt();
        }
    }
}
