package stream.pika.web.ws;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
    private volatile ScheduledFuture<?> pinger;

    @Resource
    ManagedScheduledExecutorService scheduler;

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

    /**
     * The interval is cut into up to 30 ticks and each connection is pinged on its own tick: ten
     * thousand pings (and pongs) at once every interval would be a burst the room's broadcasts
     * wait behind.
     */
    private synchronized void startPinging() {
        if (pinger == null) {
            long millis = settings.pingInterval().toMillis();
            int ticks = (int) Math.max(1, Math.min(30, millis / 100));
            long idleNanos = settings.idleTimeout().toNanos();
            AtomicLong tick = new AtomicLong();
            pinger = scheduler.scheduleAtFixedRate(() -> {
                int now = (int) (tick.getAndIncrement() % ticks);
                open.forEach(connection -> {
                    if (Math.floorMod(connection.hashCode(), ticks) == now) {
                        pingOrClose(connection, idleNanos);
                    }
                });
            }, millis / ticks, millis / ticks, TimeUnit.MILLISECONDS);
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
        if (pinger != null) {
            pinger.cancel(false);
        }
    }
}
