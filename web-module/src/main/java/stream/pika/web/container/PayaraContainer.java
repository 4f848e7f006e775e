package stream.pika.web.container;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.websocket.Session;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.jar.Manifest;

/**
 * The container as measured: Payara 6 with Tyrus {@value #TESTED_TYRUS} and Grizzly
 * {@value #TESTED_GRIZZLY}. Each tuning reached through internals that are missing is left out
 * (and logged once by its class); {@link #probe()} says whether this container is the tested one.
 */
public final class PayaraContainer implements ContainerTuning {

    static final String TESTED_TYRUS = "2.1.5";
    static final String TESTED_GRIZZLY = "4.0.2";
    static final String DIRECT_WRITER = "direct-writer";
    static final String IDLE_TIMER_OFF = "idle-timer-off";
    static final String UPGRADE_LEFTOVERS = "upgrade-leftovers-freed";
    static final String NEVER_HTTP2 = "never-http2";
    static final String WRITER_THREADS = "grizzly-writer-threads";
    static final String TERMINATE = "terminate-stuck-connections";
    static final String MALFORMED_PATHS = "malformed-paths-answered";

    private final StandardContainer standard;
    private final List<String> tunings;

    public PayaraContainer(ManagedThreadFactory threads) {
        this.standard = new StandardContainer(threads);
        List<String> active = new ArrayList<>();
        if (DirectWriter.available()) {
            active.add(DIRECT_WRITER);
        }
        if (IdleTimerOff.available()) {
            active.add(IDLE_TIMER_OFF);
        }
        if (HandshakeLeftovers.available()) {
            active.add(UPGRADE_LEFTOVERS);
            if (GrizzlyTransport.available()) {
                active.add(TERMINATE);
            }
        }
        active.add(NEVER_HTTP2); // found on the first upgrade; turns itself off (logged) where it is missing
        if (GrizzlyThreads.available()) {
            active.add(WRITER_THREADS);
        }
        active.add(MALFORMED_PATHS); // found on the first request; turns itself off (logged) where it is missing
        this.tunings = List.copyOf(active);
    }

    /**
     * Whether the running container is the one these tunings were measured on: Tyrus and Grizzly
     * of the tested versions and every internal hop found. Empty when it is; else why not.
     */
    public static Optional<String> probe() {
        try {
            String tyrus = bundleVersion(Class.forName("org.glassfish.tyrus.core.TyrusWebSocket"));
            if (!tyrus.startsWith(TESTED_TYRUS)) {
                return Optional.of("Tyrus " + tyrus + " (tested: " + TESTED_TYRUS + ")");
            }
            String grizzly = (String) Class.forName("org.glassfish.grizzly.Grizzly").getMethod("getDotedVersion").invoke(null);
            if (!grizzly.startsWith(TESTED_GRIZZLY)) {
                return Optional.of("Grizzly " + grizzly + " (tested: " + TESTED_GRIZZLY + ")");
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return Optional.of("no Tyrus on Grizzly here (" + e + ")");
        }
        if (!DirectWriter.available() || !IdleTimerOff.available() || !HandshakeLeftovers.available()
                || !GrizzlyTransport.available() || !GrizzlyThreads.available()) {
            return Optional.of("some of the internal hops are missing");
        }
        return Optional.empty();
    }

    /** The OSGi bundle version of the jar a class came from (Payara's jars carry no implementation version). */
    private static String bundleVersion(Class<?> type) {
        URL location = type.getProtectionDomain().getCodeSource().getLocation();
        try (InputStream in = new URL("jar:" + location + "!/META-INF/MANIFEST.MF").openStream()) {
            String version = new Manifest(in).getMainAttributes().getValue("Bundle-Version");
            return version == null ? "unknown" : version;
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public String implementation() {
        return "payara-tuned";
    }

    @Override
    public List<String> tunings() {
        return tunings;
    }

    @Override
    public void serving(HttpServletRequest request) {
        MalformedPaths.watch(request);
    }

    @Override
    public void upgrading(HttpServletRequest request) {
        NeverHttp2.mark(request);
    }

    @Override
    public ConnectionLink opened(Session session) {
        Optional<GrizzlyTransport> transport = HandshakeLeftovers.release(session).flatMap(GrizzlyTransport::of);
        IdleTimerOff.apply(session);
        ConnectionLink standardLink = standard.opened(session);
        Optional<DirectWriter> writer = DirectWriter.of(session);
        return new ConnectionLink() {
            @Override
            public Future<?> send(String json) {
                if (writer.isEmpty()) {
                    return standardLink.send(json);
                }
                Future<?> last = null;
                for (ByteBuffer frame : FramedText.of(json)) {
                    last = writer.get().sendFrame(frame.duplicate());
                }
                return last;
            }

            @Override
            public void abort() {
                if (transport.isPresent()) {
                    transport.get().terminate();
                } else {
                    standardLink.abort();
                }
            }
        };
    }

    @Override
    public Thread newWriterThread(String name, Runnable task) {
        return GrizzlyThreads.newThread(name, task).orElseGet(() -> standard.newWriterThread(name, task));
    }

    /** The tunings' names, for tests and the README. */
    static Set<String> allTunings() {
        return Set.of(DIRECT_WRITER, IDLE_TIMER_OFF, UPGRADE_LEFTOVERS, NEVER_HTTP2, WRITER_THREADS, TERMINATE, MALFORMED_PATHS);
    }
}
