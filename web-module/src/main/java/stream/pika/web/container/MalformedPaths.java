package stream.pika.web.container;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.logging.Logger;

/**
 * Requests whose path the servlet container cannot take (a bad escape such as {@code %zz}, an
 * encoded slash, a NUL or a backslash, a {@code ..} above the root) are answered by the container
 * before any filter runs: an empty 400, or for {@code %zz} a 200 with an empty body and a SEVERE
 * stack trace in the log, each time. A Grizzly probe, told before the container serves each
 * request, sends such a request to the application's own answer instead
 * ({@link ContainerTuning#MALFORMED_PATH}), so that it gets the API's {@code {"error"}} shape and
 * the security headers from the usual filters. Installed on each HTTP listener from the first
 * request the application serves through it (a malformed first request still gets the
 * container's answer). Reached through container internals; where they differ nothing changes
 * (logged once).
 */
final class MalformedPaths {

    private static final Logger LOG = Logger.getLogger(MalformedPaths.class.getName());
    private static final String PROBE = "org.glassfish.grizzly.http.server.HttpServerProbe";
    /** The listeners' HTTP filters watched already (weak: a listener restarted makes a new one). */
    private static final Set<Object> WATCHED = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
    private static volatile Access access;
    /** The HTTP filter of the last request seen (one listener serves nearly every request). */
    private static volatile Object lastWatched;
    private static volatile boolean unavailable;

    private MalformedPaths() {
    }

    /** The reflective steps, found on the first request. */
    private record Access(CoyoteHops hops, Method httpFilter, Method monitoring, Method addProbes,
                          Class<?> probeType, Method packet, Method uriRef, Method decoded, Method recycle, Method init,
                          Method rawUri) {

        static Access find(Object facade) throws ReflectiveOperationException {
            CoyoteHops hops = CoyoteHops.find(facade);
            Object grizzly = hops.grizzlyRequest(facade);
            Method httpFilter = grizzly.getClass().getMethod("getHttpFilter");
            Method monitoring = httpFilter.getReturnType().getMethod("getMonitoringConfig");
            Method addProbes = monitoring.getReturnType().getMethod("addProbes", Object[].class);
            Class<?> probeType = Class.forName(PROBE, false, httpFilter.getReturnType().getClassLoader());
            Method packet = grizzly.getClass().getMethod("getRequest");
            Method uriRef = packet.getReturnType().getMethod("getRequestURIRef");
            Method decoded = uriRef.getReturnType().getMethod("getDecodedRequestURIBC");
            Method recycle = uriRef.getReturnType().getMethod("recycle");
            Method init = uriRef.getReturnType().getMethod("init", String.class);
            Method rawUri = packet.getReturnType().getMethod("getRequestURI");
            return new Access(hops, httpFilter, monitoring, addProbes, probeType, packet, uriRef, decoded, recycle, init, rawUri);
        }

        Object filterOf(Object facade) throws ReflectiveOperationException {
            return httpFilter.invoke(hops.grizzlyRequest(facade));
        }

        void watch(Object filter, String contextPath) throws ReflectiveOperationException {
            String answer = contextPath + ContainerTuning.MALFORMED_PATH;
            Object probe = Proxy.newProxyInstance(probeType.getClassLoader(), new Class<?>[]{probeType}, (proxy, method, args) -> {
                switch (method.getName()) {
                    case "onBeforeServiceEvent" -> redirectIfMalformed(args[2], contextPath, answer);
                    case "hashCode" -> {
                        return System.identityHashCode(proxy);
                    }
                    case "equals" -> {
                        return proxy == args[0];
                    }
                    case "toString" -> {
                        return "Pika! malformed paths";
                    }
                    default -> {
                        // the other request events: nothing to do
                    }
                }
                return null;
            });
            Object probes = Array.newInstance(probeType, 1);
            Array.set(probes, 0, probe);
            addProbes.invoke(monitoring.invoke(filter), probes);
        }

        /**
         * Decodes the path as the container will; a path under the application's context that the
         * container would refuse goes to the application's answer (other applications' requests are
         * left alone).
         */
        private void redirectIfMalformed(Object grizzlyRequest, String contextPath, String answer) {
            try {
                Object request = packet.invoke(grizzlyRequest);
                Object ref = uriRef.invoke(request);
                String why = whyMalformed(ref);
                String raw = why == null ? null : String.valueOf(rawUri.invoke(request));
                if (why != null && (contextPath.isEmpty() || raw.equals(contextPath) || raw.startsWith(contextPath + "/"))) {
                    LOG.fine(() -> "Malformed request path (" + why + "): " + raw.length() + " characters, answered 400");
                    recycle.invoke(ref); // the decoded form of the old path must not be reused
                    init.invoke(ref, answer);
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOG.fine(() -> "A request's path was not checked: " + e);
            }
        }

        private String whyMalformed(Object ref) throws IllegalAccessException {
            try {
                String path = String.valueOf(decoded.invoke(ref));
                if (path.indexOf('\0') >= 0) {
                    return "a NUL";
                }
                if (path.indexOf('\\') >= 0) {
                    return "a backslash";
                }
                return null;
            } catch (InvocationTargetException e) {
                // CharConversionException (an encoded slash, bad UTF-8, ".." above the root) or
                // IllegalArgumentException (a bad escape): what the container fails on.
                return e.getCause() == null ? "undecodable" : e.getCause().getClass().getSimpleName();
            }
        }
    }

    /** A request the application serves: the HTTP listener it came through is watched from now on. */
    static void watch(HttpServletRequest request) {
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
            Object filter = found.filterOf(facade);
            if (filter == lastWatched) {
                return; // every request passes here: no lock for the listener watched already
            }
            lastWatched = filter;
            if (filter != null && WATCHED.add(filter)) {
                found.watch(filter, request.getContextPath());
                LOG.info(() -> "Malformed request paths get the application's answer on this HTTP listener");
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            unavailable = true;
            LOG.info(() -> "Grizzly internals not available (" + e + "); malformed request paths keep the container's answer");
        }
    }

    static boolean available() {
        return !unavailable;
    }
}
