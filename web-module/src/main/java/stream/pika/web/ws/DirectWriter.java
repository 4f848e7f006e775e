package stream.pika.web.ws;

import jakarta.websocket.SendHandler;
import jakarta.websocket.Session;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.logging.Logger;

/**
 * Sends a text frame through Tyrus's WebSocket object, under the standard API. The standard
 * {@code RemoteEndpoint.Async.sendText} also re-arms the session's idle timer on every message,
 * which on Payara is a task on the managed scheduled executor: 40-200 µs per message, most of
 * the cost of a fan-out. Pika! runs its own idle check (OpenConnections), so that timer is not
 * needed. On a container without Tyrus the standard API is used.
 */
final class DirectWriter {

    private static final Logger LOG = Logger.getLogger(DirectWriter.class.getName());
    private static final Access ACCESS = Access.find();

    /** The reflective handles, found once. */
    private record Access(Field webSocket, MethodHandle sendText, MethodHandle sendFragment) {

        static Access find() {
            try {
                Class<?> remote = Class.forName("org.glassfish.tyrus.core.TyrusRemoteEndpoint");
                Class<?> socket = Class.forName("org.glassfish.tyrus.core.TyrusWebSocket");
                Field field = remote.getDeclaredField("webSocket");
                field.setAccessible(true);
                MethodHandle send = MethodHandles.publicLookup().findVirtual(socket, "sendText",
                        MethodType.methodType(void.class, String.class, SendHandler.class));
                MethodHandle fragment = MethodHandles.publicLookup().findVirtual(socket, "sendText",
                        MethodType.methodType(Future.class, String.class, boolean.class));
                return new Access(field, send.asType(MethodType.methodType(void.class, Object.class, String.class, SendHandler.class)),
                        fragment.asType(MethodType.methodType(Future.class, Object.class, String.class, boolean.class)));
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                LOG.info(() -> "Tyrus internals not available (" + e + "); sending through the standard API");
                return null;
            }
        }
    }

    private final Object webSocket;

    private DirectWriter(Object webSocket) {
        this.webSocket = webSocket;
    }

    static Optional<DirectWriter> of(Session session) {
        if (ACCESS == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new DirectWriter(ACCESS.webSocket().get(session.getAsyncRemote())));
        } catch (IllegalAccessException | RuntimeException e) {
            return Optional.empty();
        }
    }

    void sendText(String text, SendHandler handler) {
        try {
            ACCESS.sendText().invokeExact(webSocket, text, handler);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** One fragment of a text message; the caller keeps the fragments of a message together. */
    Future<?> sendFragment(String fragment, boolean last) {
        try {
            return (Future<?>) ACCESS.sendFragment().invokeExact(webSocket, fragment, last);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
