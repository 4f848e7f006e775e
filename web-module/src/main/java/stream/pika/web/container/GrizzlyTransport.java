package stream.pika.web.container;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The TCP connection under a WebSocket, reached from the upgrade's Grizzly request, so a
 * connection that was closed but could not be told (it stopped reading, its close frame waits
 * behind megabytes) is terminated at once: socket closed, Grizzly's queued writes dropped. A
 * WebSocket close alone left such sockets ESTABLISHED with megabytes unsent.
 */
final class GrizzlyTransport {

    private static final Logger LOG = Logger.getLogger(GrizzlyTransport.class.getName());
    private static final AtomicBoolean FAILURE_LOGGED = new AtomicBoolean();
    private static final Hops HOPS = Hops.find();

    private record Hops(MethodHandle context, MethodHandle connection, MethodHandle terminate) {
        static Hops find() {
            try {
                ClassLoader loader = GrizzlyTransport.class.getClassLoader();
                Class<?> request = Class.forName("org.glassfish.grizzly.http.server.Request", false, loader);
                Class<?> context = Class.forName("org.glassfish.grizzly.filterchain.FilterChainContext", false, loader);
                Class<?> connection = Class.forName("org.glassfish.grizzly.Connection", false, loader);
                MethodHandles.Lookup lookup = MethodHandles.publicLookup();
                return new Hops(lookup.findVirtual(request, "getContext", MethodType.methodType(context)),
                        lookup.findVirtual(context, "getConnection", MethodType.methodType(connection)),
                        lookup.findVirtual(connection, "terminateSilently", MethodType.methodType(void.class)));
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                LOG.info(() -> "Grizzly internals not available (" + e + "); a stuck connection is only closed, not terminated");
                return null;
            }
        }
    }

    private final Object connection;

    private GrizzlyTransport(Object connection) {
        this.connection = connection;
    }

    static boolean available() {
        return HOPS != null;
    }

    /** The transport of the upgrade whose Grizzly request this is, if it can be reached. */
    static Optional<GrizzlyTransport> of(Object grizzlyRequest) {
        if (HOPS == null || grizzlyRequest == null) {
            return Optional.empty();
        }
        try {
            Object context = HOPS.context().invoke(grizzlyRequest);
            Object connection = context == null ? null : HOPS.connection().invoke(context);
            return Optional.ofNullable(connection).map(GrizzlyTransport::new);
        } catch (Error e) {
            throw e;
        } catch (Throwable e) {
            if (FAILURE_LOGGED.compareAndSet(false, true)) {
                LOG.log(Level.INFO, "Could not reach a WebSocket's TCP connection; stuck ones are only closed", e);
            }
            return Optional.empty();
        }
    }

    /** Closes the socket now and drops what is queued for it. */
    void terminate() {
        try {
            HOPS.terminate().invoke(connection);
        } catch (Error e) {
            throw e;
        } catch (Throwable e) {
            LOG.log(Level.FINE, "Terminating a connection failed", e);
        }
    }
}
