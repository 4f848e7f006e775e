package stream.pika.web.container;

import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;

import java.lang.reflect.Field;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Tyrus re-arms a session's idle timer on every message, ping and pong, even when the session has
 * no idle timeout (the timer then fires and does nothing). On Payara each re-arm is a task on the
 * managed scheduled executor, whose context capture scans the application's jars (a ServiceLoader
 * lookup per task): at a connect rush of thousands of phones that was a sixth of a node's CPU.
 * Pika! runs its own idle check ({@code OpenConnections}), so for a session without an idle
 * timeout the timer gets a scheduler that does nothing, for that session only (the container's
 * own scheduler is left alone). Tyrus also arms the timer once in the session's constructor,
 * before this can reach the session: after the first connection, Pika!'s endpoint hands its new
 * sessions a {@link TimerlessContainer} for that. Reached through container internals; on another
 * container nothing changes (logged once).
 */
final class IdleTimerOff {

    private static final Logger LOG = Logger.getLogger(IdleTimerOff.class.getName());
    private static final Field SERVICE = find("org.glassfish.tyrus.core.TyrusSession", "service", ScheduledExecutorService.class);
    private static final Field ENDPOINT = find("org.glassfish.tyrus.core.TyrusSession", "endpointWrapper", null);
    private static final Field CONTAINER = find("org.glassfish.tyrus.core.TyrusEndpointWrapper", "container", WebSocketContainer.class);

    private IdleTimerOff() {
    }

    /** The field, accessible, if it is there (and of type {@code expected}, unless null). */
    private static Field find(String type, String name, Class<?> expected) {
        try {
            Field field = Class.forName(type).getDeclaredField(name);
            field.setAccessible(true);
            return expected == null || field.getType() == expected ? field : null;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.info(() -> "Tyrus internals not available (" + e + "); the idle timer of " + type + " stays as it is");
            return null;
        }
    }

    /** For this connection only: the container and every other connection keep their scheduler. */
    static void apply(Session session) {
        if (session.getMaxIdleTimeout() > 0) {
            return;
        }
        replace(SERVICE, session);
        fromCreation(session);
    }

    static boolean available() {
        return SERVICE != null;
    }

    /** Whether the endpoint's next sessions can be spared the timer in their constructor too. */
    static boolean availableFromCreation() {
        return SERVICE != null && ENDPOINT != null && CONTAINER != null;
    }

    /** Once per endpoint: its container, as its new sessions see it, becomes a {@link TimerlessContainer}. */
    private static void fromCreation(Session session) {
        if (!availableFromCreation() || !ENDPOINT.getDeclaringClass().isInstance(session)) {
            return;
        }
        try {
            Object endpoint = ENDPOINT.get(session);
            Object container = endpoint == null ? null : CONTAINER.get(endpoint);
            if (container instanceof org.glassfish.tyrus.core.BaseContainer real && !(container instanceof TimerlessContainer)) {
                CONTAINER.set(endpoint, new TimerlessContainer(real, NOTHING));
                LOG.info(() -> "Sessions of " + session.getRequestURI().getPath() + " are created without an idle timer"
                        + " (Pika! checks idleness itself)");
            }
        } catch (IllegalAccessException | RuntimeException | LinkageError e) {
            LOG.fine(() -> "The endpoint's container left as it is: " + e);
        }
    }

    private static void replace(Field field, Object owner) {
        if (field == null || !field.getDeclaringClass().isInstance(owner)) {
            return;
        }
        try {
            if (field.get(owner) != NOTHING) {
                field.set(owner, NOTHING);
            }
        } catch (IllegalAccessException | RuntimeException e) {
            LOG.fine(() -> "Idle timer of " + owner + " left as it is: " + e);
        }
    }

    /** A timer that is already over. */
    private static final ScheduledFuture<Object> OVER = new ScheduledFuture<>() {
        @Override
        public long getDelay(TimeUnit unit) {
            return 0;
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(0, other.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return false;
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean isDone() {
            return true;
        }

        @Override
        public Object get() {
            return null;
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            return null;
        }
    };

    /** Schedules nothing: the only tasks Tyrus gives it are the idle timer and its own heartbeat, both unused here. */
    private static final ScheduledExecutorService NOTHING = new Nothing();

    private static final class Nothing extends AbstractExecutorService implements ScheduledExecutorService {
        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            return OVER;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
            return (ScheduledFuture<V>) OVER;
        }

        @Override
        public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
            return OVER;
        }

        @Override
        public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
            return OVER;
        }

        @Override
        public void execute(Runnable command) {
            throw new RejectedExecutionException("not a real executor");
        }

        @Override
        public void shutdown() {
        }

        @Override
        public List<Runnable> shutdownNow() {
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return false;
        }

        @Override
        public boolean isTerminated() {
            return false;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return false;
        }
    }
}
