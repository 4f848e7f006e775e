package stream.pika.web.container;

import jakarta.servlet.ServletRequest;

import java.lang.reflect.Method;
import java.util.List;
import java.util.logging.Logger;

/**
 * Tells Grizzly's HTTP/2 filter that a connection upgrading to WebSocket will never speak HTTP/2.
 * Unless told, the filter looks at the upgrade request's headers again for every frame the phone
 * sends afterwards (pongs too), cutting strings out of them each time: the largest allocation
 * site of a node holding 10,000 phones. HTTP/2 stays on for everything else (with it off, Grizzly
 * leaves requests asking for an h2c upgrade unanswered when they get an error). Reached through
 * container internals; where they differ nothing changes (logged once).
 */
final class NeverHttp2 {

    private static final Logger LOG = Logger.getLogger(NeverHttp2.class.getName());
    private static final String FILTER = "org.glassfish.grizzly.http2.Http2ServerFilter";
    private static volatile Access access;
    private static volatile boolean unavailable;

    private NeverHttp2() {
    }

    /** The reflective steps from the servlet request to the connection's HTTP/2 state, found on the first upgrade. */
    private record Access(CoyoteHops hops, Method context, Method connection, Method chain,
                          Method stateOf, Method newState, Method never) {

        static Access find(Object facade) throws ReflectiveOperationException {
            CoyoteHops hops = CoyoteHops.find(facade);
            Object grizzly = hops.grizzlyRequest(facade);
            Method context = grizzly.getClass().getMethod("getContext");
            Object filterContext = context.invoke(grizzly);
            Method connection = filterContext.getClass().getMethod("getConnection");
            Method chain = filterContext.getClass().getMethod("getFilterChain");
            Object filter = ((List<?>) chain.invoke(filterContext)).stream()
                    .filter(f -> f.getClass().getName().equals(FILTER)).findFirst()
                    .orElseThrow(() -> new ClassNotFoundException(FILTER + " (HTTP/2 off?)"));
            Class<?> state = Class.forName("org.glassfish.grizzly.http2.Http2State", false, filter.getClass().getClassLoader());
            Class<?> connectionType = Class.forName("org.glassfish.grizzly.Connection", false, state.getClassLoader());
            Method stateOf = state.getDeclaredMethod("get", connectionType);
            Method newState = state.getDeclaredMethod("create", connectionType);
            Method never = state.getDeclaredMethod("setNeverHttp2");
            for (Method method : List.of(stateOf, newState, never)) {
                method.setAccessible(true);
            }
            return new Access(hops, context, connection, chain, stateOf, newState, never);
        }

        void mark(Object facade) throws ReflectiveOperationException {
            Object filterContext = context.invoke(hops.grizzlyRequest(facade));
            Object grizzlyConnection = connection.invoke(filterContext);
            if (stateOf.invoke(null, grizzlyConnection) == null) {
                never.invoke(newState.invoke(null, grizzlyConnection));
            }
        }
    }

    /** Marks the connection of this WebSocket upgrade request as never HTTP/2. */
    static void mark(ServletRequest request) {
        if (unavailable) {
            return;
        }
        ServletRequest facade = CoyoteHops.facade(request);
        try {
            Access found = access;
            if (found == null) {
                found = Access.find(facade);
                access = found;
            }
            found.mark(facade);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            unavailable = true;
            LOG.info(() -> "Grizzly internals not available (" + e + "); the HTTP/2 filter keeps examining WebSocket frames");
        }
    }
}
