package stream.pika.it;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import stream.pika.payara.Database;
import stream.pika.payara.MicroServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Payara Micro shared by the integration tests: started once per run (on first use) against
 * database {@value #DATABASE}, created empty by {@link TestDatabases}; stopped when all tests are done. Classes that need
 * it say {@code @ExtendWith(TestServer.class)}.
 */
public final class TestServer implements BeforeAllCallback {

    public static final String DATABASE = "pika_it";
    /** The IT server trusts proxy headers from here, so each test can act as its own client IP. */
    public static final String TRUSTED_PROXY = "127.0.0.1";
    /** The one web origin CORS allows in tests (besides a staging one). */
    public static final String ALLOWED_ORIGIN = "https://pika.example";
    /** Short, so a test can watch a rate-limit window end. */
    public static final Duration AUTH_WINDOW = Duration.ofSeconds(5);

    /** Short, so a test can wait a DJ's grace out; the default (60 s) is a unit-tested setting. */
    public static final Duration RECONNECT_GRACE = Duration.ofSeconds(3);
    /** The shared server allows a broadcast per second; the 5 s default is checked on its own server. */
    public static final Duration BROADCAST_MIN_INTERVAL = Duration.ofSeconds(1);

    /** RoutingIT gives each DJ ten sets; the default (3) is checked by LimitsIT on this server at 10. */
    public static final int MAX_SESSIONS_PER_DJ = 10;

    /** Short, so SlowClientIT sees a stuck connection terminated soon after its close. */
    public static final Duration CLOSE_GRACE = Duration.ofSeconds(2);
    /** The first admin the shared server creates at start (FirstAdminIT). */
    public static final String ADMIN_EMAIL = "first-admin@example.com";
    /** Short, so BrowserSignInIT sees a browser session lapse. */
    public static final Duration SESSION_IDLE_TIMEOUT = Duration.ofSeconds(15);
    /** Where the dancers' pages are said to be (the stages' QR codes link there). */
    public static final String PUBLIC_URL = "https://pika.example";
    public static final String ADMIN_PASSWORD = "first admin password";

    private static MicroServer server;
    private static SpotifyStandIn spotify;
    private static WsClient idleWitness;
    private static long idleWitnessOpenedNanos;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(TestServer.class.getName(), key -> {
                    start();
                    return (ExtensionContext.Store.CloseableResource) TestServer::stopAll;
                });
    }

    public static synchronized MicroServer server() {
        if (server == null) {
            throw new IllegalStateException("annotate the test class with @ExtendWith(TestServer.class)");
        }
        return server;
    }

    /** The Spotify stand-in the shared server talks to (started with it, kept across its restarts). */
    public static synchronized SpotifyStandIn spotify() {
        server();
        return spotify;
    }

    public static URI baseUri() {
        return URI.create("http://" + TRUSTED_PROXY + ":" + server().port());
    }

    /** A connection opened right after the server started that sends nothing (see KeepAliveIT). */
    public static synchronized WsClient idleWitness() {
        return idleWitness;
    }

    public static synchronized Duration idleWitnessAge() {
        return Duration.ofNanos(System.nanoTime() - idleWitnessOpenedNanos);
    }

    /** Stops the shared server and starts it again on the same database. */
    public static synchronized void restart() {
        stop();
        start();
    }

    public static Database postgres() {
        return new Database(System.getProperty("pika.test.db.host", "127.0.0.1"),
                Integer.getInteger("pika.test.db.port", 5432), "postgres", "postgres");
    }

    public static Path itDirectory() {
        try {
            Path dir = Path.of(System.getProperty("pika.it.dir", "target/it"));
            Files.createDirectories(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Micro for this project's WAR, logging to {@code target/it/<name>.log}, on a free port. */
    public static MicroServer.Builder micro(String name) {
        return MicroServer.builder(Path.of(System.getProperty("pika.micro.jar")), Path.of(System.getProperty("pika.war")))
                .port(freePort())
                .preBootCommands(MicroServer.preBootCommandsFile(itDirectory().resolve(name)))
                .logTo(itDirectory().resolve(name + ".log"))
                .jvmOption("-Xmx768m");
    }

    /** Environment pointing Pika! at a database of the test PostgreSQL. */
    public static Map<String, String> databaseEnv(String database) {
        Database postgres = postgres();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PIKA_DB_URL", postgres.jdbcUrl(database));
        env.put("PIKA_DB_USER", postgres.user());
        env.put("PIKA_DB_PASSWORD", postgres.password());
        return env;
    }

    private static synchronized void start() {
        if (spotify == null) {
            spotify = SpotifyStandIn.start(freePort());
        }
        server = micro("shared-server")
                .env("PIKA_SPOTIFY_CLIENT_ID", SpotifyStandIn.CLIENT_ID)
                .env("PIKA_SPOTIFY_CLIENT_SECRET", SpotifyStandIn.CLIENT_SECRET)
                .env("PIKA_SPOTIFY_ACCOUNTS_URL", spotify.url())
                .env("PIKA_SPOTIFY_API_URL", spotify.url())
                .env("PIKA_SPOTIFY_SYNC_INTERVAL", "PT0.3S")
                // Track matching runs only when a test starts it (TwoNodesIT shows the schedule and set ends).
                .env("PIKA_CRATE_MATCHING_INTERVAL", "PT12H")
                .env("PIKA_CRATE_SESSION_END_DELAY", "PT12H")
                .env("PIKA_CRATE_SPOTIFY_REQUESTS_PER_SECOND", "200") // the stand-in is local; a run may meet every test's plays
                .env("PIKA_SPOTIFY_BACKOFF", "PT0.2S")
                .env("PIKA_SPOTIFY_MAX_BACKOFF", "PT2S")
                .env(databaseEnv(DATABASE))
                .env("PIKA_TRUSTED_PROXIES", TRUSTED_PROXY)
                .env("PIKA_RATELIMIT_WS_CONNECTS_LIMIT", "1000000") // the tests connect from one IP
                .env("PIKA_DATA_DIR", itDirectory().resolve("shared-server-data").toString())
                .env("PIKA_PUSH_INSECURE_HOSTS", "127.0.0.1,localhost") // the push-service emulators
                .env("PIKA_PUSH_FIRST_RETRY", "PT0.2S")
                .env("PIKA_REMINDERS_INTERVAL", "PT1S") // starred slots' reminders: claimed every second
                .env("PIKA_CORS_ALLOWED_ORIGINS", ALLOWED_ORIGIN + ", https://staging.pika.example")
                .env("PIKA_RATELIMIT_AUTH_WINDOW", AUTH_WINDOW.toString())
                .env("PIKA_LIVE_RECONNECT_GRACE", RECONNECT_GRACE.toString())
                .env("PIKA_LIVE_SWEEP_INTERVAL", "PT0.5S")
                .env("PIKA_LIVE_BROADCAST_MIN_INTERVAL", BROADCAST_MIN_INTERVAL.toString())
                .env("PIKA_WS_CLOSE_GRACE", CLOSE_GRACE.toString())
                // Short, so a startup watchdog that missed the serving signal would stop this server early in the run.
                .env("PIKA_STARTUP_TIMEOUT", "PT90S")
                .env("PIKA_WS_CONTAINER_TUNING", System.getProperty("pika.it.container-tuning", "auto"))
                .env("PIKA_LIVE_MAX_SESSIONS_PER_DJ", Integer.toString(MAX_SESSIONS_PER_DJ)) // RoutingIT: 10 sets per DJ
                .env("PIKA_PUBLIC_URL", PUBLIC_URL)
                .env("PIKA_AUTH_SESSION_IDLE_TIMEOUT", SESSION_IDLE_TIMEOUT.toString())
                .env("PIKA_ADMIN_EMAIL", ADMIN_EMAIL)
                .env("PIKA_ADMIN_PASSWORD", ADMIN_PASSWORD)
                .start();
        try {
            server.awaitHealthy(Duration.ofMinutes(2));
        } catch (RuntimeException e) {
            // Do not leave a half-started server behind for the rest of the run (or the machine).
            server.close();
            server = null;
            throw e;
        }
        idleWitness = WsClient.connect(server.port(), null);
        idleWitnessOpenedNanos = System.nanoTime();
    }

    private static synchronized void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** When every test is done: the server, then the stand-in. */
    private static synchronized void stopAll() {
        stop();
        if (spotify != null) {
            spotify.close();
            spotify = null;
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
