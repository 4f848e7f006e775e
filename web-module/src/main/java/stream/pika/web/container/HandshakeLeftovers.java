package stream.pika.web.container;

import jakarta.websocket.Session;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Frees what Payara keeps of a WebSocket's HTTP upgrade for the connection's whole life although
 * nothing reads it after the open: the copy of the handshake headers Tyrus made (~2.8 KB) and
 * Grizzly's two 1,024-character query-parameter scratch buffers (4 KB). At 18,000 phones that is
 * 120 MB of a 1 GiB node. It reaches them through container internals:
 * on another container or version a missing hop is logged once and everything is left as it is.
 * Both are safe to drop: Tyrus has copied what the session needs before the open, and Grizzly
 * allocates a scratch buffer again if the request object is ever reused for parameters.
 */
final class HandshakeLeftovers {

    private static final Logger LOG = Logger.getLogger(HandshakeLeftovers.class.getName());
    private static final Path PATH = Path.find();
    private static final AtomicBoolean FAILURE_LOGGED = new AtomicBoolean();
    private static final char[] NO_CHARS = new char[0];

    private HandshakeLeftovers() {
    }

    /** The hops from a Tyrus session to the upgrade's leftovers, found once. */
    private record Path(Field webSocket, Field protocolHandler, Field writer, Field upgradeHandler, Field proxied, Field upgradeInfo,
                        Field upgradeRequest, Field headers, Field webConnection, Field servletRequest,
                        MethodHandle grizzlyRequest, MethodHandle parameters, Field nameScratch, Field valueScratch,
                        MethodHandle setChars) {

        static Path find() {
            try {
                return new Path(
                        field("org.glassfish.tyrus.core.TyrusRemoteEndpoint", "webSocket"),
                        field("org.glassfish.tyrus.core.TyrusWebSocket", "protocolHandler"),
                        field("org.glassfish.tyrus.core.ProtocolHandler", "writer"),
                        field("org.glassfish.tyrus.servlet.TyrusServletWriter", "tyrusHttpUpgradeHandler"),
                        field("org.glassfish.tyrus.servlet.TyrusServletUpgrade$TyrusHttpUpgradeHandlerProxy", "handler"),
                        field("org.glassfish.tyrus.servlet.TyrusHttpUpgradeHandler", "upgradeInfo"),
                        field("org.glassfish.tyrus.core.TyrusWebSocketEngine$SuccessfulUpgradeInfo", "upgradeRequest"),
                        field("org.glassfish.tyrus.core.RequestContext", "headers"),
                        field("org.glassfish.tyrus.servlet.TyrusHttpUpgradeHandler", "wc"),
                        field("org.apache.catalina.connector.WebConnectionImpl", "request"),
                        getter("org.apache.catalina.connector.Request", "getCoyoteRequest", "org.glassfish.grizzly.http.server.Request"),
                        getter("org.glassfish.grizzly.http.server.Request", "getParameters", "org.glassfish.grizzly.http.util.Parameters"),
                        field("org.glassfish.grizzly.http.util.Parameters", "tmpNameC"),
                        field("org.glassfish.grizzly.http.util.Parameters", "tmpValueC"),
                        MethodHandles.publicLookup().findVirtual(Class.forName("org.glassfish.grizzly.http.util.CharChunk"), "setChars",
                                MethodType.methodType(void.class, char[].class, int.class, int.class)));
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                LOG.info(() -> "Upgrade leftovers are kept for each WebSocket (container internals differ: " + e + ")");
                return null;
            }
        }

        private static Field field(String owner, String name) throws ReflectiveOperationException {
            Field field = Class.forName(owner).getDeclaredField(name);
            field.setAccessible(true);
            return field;
        }

        private static MethodHandle getter(String owner, String name, String returns) throws ReflectiveOperationException {
            return MethodHandles.publicLookup().findVirtual(Class.forName(owner), name, MethodType.methodType(Class.forName(returns)));
        }
    }

    /**
     * Call from the endpoint's open: Tyrus has built the session from the handshake by then.
     * Returns the upgrade's Grizzly request when it was reached (the connection's transport hangs
     * off it), else empty.
     */
    static Optional<Object> release(Session session) {
        if (PATH == null) {
            return Optional.empty();
        }
        try {
            Object webSocket = PATH.webSocket().get(session.getAsyncRemote());
            Object writer = PATH.writer().get(PATH.protocolHandler().get(webSocket));
            if (!PATH.upgradeHandler().getDeclaringClass().isInstance(writer)) {
                return Optional.empty(); // not the servlet container's writer
            }
            Object upgradeHandler = PATH.upgradeHandler().get(writer);
            if (PATH.proxied().getDeclaringClass().isInstance(upgradeHandler)) {
                upgradeHandler = PATH.proxied().get(upgradeHandler);
            }
            Object upgradeRequest = PATH.upgradeRequest().get(PATH.upgradeInfo().get(upgradeHandler));
            if (PATH.headers().getDeclaringClass().isInstance(upgradeRequest)) {
                PATH.headers().set(upgradeRequest, Map.of());
            }
            Object webConnection = PATH.webConnection().get(upgradeHandler);
            if (PATH.servletRequest().getDeclaringClass().isInstance(webConnection)) {
                Object grizzlyRequest = PATH.grizzlyRequest().invoke(PATH.servletRequest().get(webConnection));
                Object parameters = PATH.parameters().invoke(grizzlyRequest);
                PATH.setChars().invoke(PATH.nameScratch().get(parameters), NO_CHARS, 0, 0);
                PATH.setChars().invoke(PATH.valueScratch().get(parameters), NO_CHARS, 0, 0);
                return Optional.ofNullable(grizzlyRequest);
            }
            return Optional.empty();
        } catch (Error e) {
            throw e;
        } catch (Throwable e) {
            if (FAILURE_LOGGED.compareAndSet(false, true)) {
                LOG.log(Level.INFO, "Could not free a WebSocket's upgrade leftovers; keeping them", e);
            }
            return Optional.empty();
        }
    }

    /** Whether the hops were found on this container. */
    static boolean available() {
        return PATH != null;
    }
}
