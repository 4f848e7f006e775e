package stream.pika.web.container;

import jakarta.websocket.Session;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.logging.Logger;

/**
 * Writes ready-made frames ({@link FramedText}) through Tyrus's WebSocket object, under the
 * standard API. The standard {@code RemoteEndpoint.Async.sendText} re-arms the session's idle
 * timer on every message, which on Payara is a task on the managed scheduled executor: 40-200 µs
 * per message, most of the cost of a fan-out (Pika! runs its own idle check), and
 * it encodes and frames the text again for every connection. On a container without Tyrus, or a
 * connection with a negotiated extension (whose frames must pass through it), the standard API is used.
 */
final class DirectWriter {

    private static final Logger LOG = Logger.getLogger(DirectWriter.class.getName());
    private static final Access ACCESS = Access.find();

    /** The reflective handles, found once. */
    private record Access(Field webSocket, MethodHandle sendFrame) {

        static Access find() {
            try {
                Class<?> remote = Class.forName("org.glassfish.tyrus.core.TyrusRemoteEndpoint");
                Class<?> socket = Class.forName("org.glassfish.tyrus.core.TyrusWebSocket");
                Field field = remote.getDeclaredField("webSocket");
                field.setAccessible(true);
                MethodHandle frame = MethodHandles.publicLookup().findVirtual(socket, "sendRawFrame",
                        MethodType.methodType(Future.class, ByteBuffer.class));
                return new Access(field, frame.asType(MethodType.methodType(Future.class, Object.class, ByteBuffer.class)));
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

    static boolean available() {
        return ACCESS != null;
    }

    static Optional<DirectWriter> of(Session session) {
        if (ACCESS == null || !session.getNegotiatedExtensions().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new DirectWriter(ACCESS.webSocket().get(session.getAsyncRemote())));
        } catch (IllegalAccessException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Queues one frame for writing, in order with every other write of the connection. */
    Future<?> sendFrame(ByteBuffer frame) {
        try {
            return (Future<?>) ACCESS.sendFrame().invokeExact(webSocket, frame);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
