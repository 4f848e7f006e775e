package stream.pika.payara;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The README's run command: a database, then Payara Micro with Pika!, until Ctrl-C.
 * <ul>
 *   <li>{@code PIKA_DB_URL} set: used as it is.</li>
 *   <li>otherwise the local PostgreSQL (127.0.0.1:5432), where database {@code pika} is created if missing;</li>
 *   <li>no PostgreSQL there ({@code PIKA_LOCAL_DB_PORT} moves "there"): an embedded one in {@code $PIKA_DATA_DIR/postgres}.</li>
 * </ul>
 * It refuses a port that is already taken (exit 1, before anything starts), exits non-zero when
 * Pika! does not come up, and stops Micro and the embedded PostgreSQL when it is stopped, or when
 * the process that started it (Maven, an IDE) goes away without stopping it.
 * Usage: {@code DevServer <payara-micro.jar> <pika.war> <work directory>}.
 */
public final class DevServer {

    private static final Logger LOG = Logger.getLogger(DevServer.class.getName());
    private static final String DATABASE_NAME = "pika";

    private DevServer() {
    }

    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: DevServer <payara-micro.jar> <pika.war> <work directory>");
            System.exit(2);
        }
        try {
            System.exit(run(args));
        } catch (IllegalStateException | UncheckedIOException e) {
            System.err.println("Pika! cannot start: " + e.getMessage());
            System.exit(1);
        }
    }

    private static int run(String[] args) {
        Map<String, String> env = System.getenv();
        Path workDirectory = Path.of(args[2]).toAbsolutePath();
        Path dataDirectory = Path.of(env.getOrDefault("PIKA_DATA_DIR", workDirectory.resolve(".pika").toString()))
                .toAbsolutePath();
        int port = Integer.parseInt(env.getOrDefault("PIKA_PORT", "8080"));
        if (!portFree(port)) {
            throw new IllegalStateException("port " + port + " is already in use (another Pika! still running?)."
                    + " Stop what listens there, or set PIKA_PORT to another port.");
        }

        EmbeddedDatabase embedded = null;
        MicroServer.Builder micro = MicroServer.builder(Path.of(args[0]), Path.of(args[1]))
                .port(port)
                .preBootCommands(MicroServer.preBootCommandsFile(dataDirectory.resolve("micro")))
                .env("PIKA_DATA_DIR", dataDirectory.toString());
        String databaseDescription;
        if (env.containsKey("PIKA_DB_URL")) {
            databaseDescription = env.get("PIKA_DB_URL") + " (PIKA_DB_URL)";
        } else {
            int localPort = Integer.parseInt(env.getOrDefault("PIKA_LOCAL_DB_PORT", "5432"));
            Database local = new Database("127.0.0.1", localPort,
                    env.getOrDefault("PIKA_DB_USER", "postgres"), env.getOrDefault("PIKA_DB_PASSWORD", "postgres"));
            Database server;
            if (local.reachable()) {
                server = local;
                databaseDescription = "local PostgreSQL";
            } else {
                LOG.info("No PostgreSQL at 127.0.0.1:" + localPort + ": starting an embedded one in " + dataDirectory.resolve("postgres"));
                embedded = EmbeddedDatabase.start(dataDirectory.resolve("postgres"));
                server = embedded.server();
                databaseDescription = "embedded PostgreSQL, data in " + dataDirectory.resolve("postgres");
            }
            if (server.ensure(DATABASE_NAME)) {
                LOG.info("Created database " + DATABASE_NAME);
            }
            micro.env("PIKA_DB_URL", server.jdbcUrl(DATABASE_NAME))
                    .env("PIKA_DB_USER", server.user())
                    .env("PIKA_DB_PASSWORD", server.password());
            databaseDescription = server.jdbcUrl(DATABASE_NAME) + " (" + databaseDescription + ")";
        }

        // Micro's output goes to a file this launcher shows as it grows, so the launcher can read it too
        // (a start that deployed nothing is reported at once instead of after the health wait).
        Path microLog = dataDirectory.resolve("micro.log");
        MicroServer server = micro.logTo(microLog).start();
        Thread echo = new Thread(() -> echo(microLog, server), "pika-dev-server-echo");
        echo.setDaemon(true);
        echo.start();
        EmbeddedDatabase embeddedToStop = embedded;
        Runnable stopAll = () -> {
            server.close();
            Optional.ofNullable(embeddedToStop).ifPresent(EmbeddedDatabase::close);
        };
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping Pika!...");
            stopAll.run();
        }, "pika-dev-server-stop"));
        // Maven (or an IDE) stopped without stopping this process: nothing else would stop Micro and PostgreSQL.
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> {
            System.out.println("The process that started Pika! (pid " + parent.pid() + ") is gone: stopping Pika!...");
            System.exit(0); // the shutdown hook stops Micro and PostgreSQL
        }));

        try {
            Duration took = server.awaitHealthy(Duration.ofMinutes(3));
            String banner = String.format("%n  Pika! is running at http://localhost:%d (ready in %d s)%n  database: %s%n"
                            + "  health:   http://localhost:%d/health%n  Stop with Ctrl-C.%n%n",
                    port, took.toSeconds(), databaseDescription, port);
            System.out.print(banner);
            System.out.flush();
        } catch (IllegalStateException e) {
            System.err.println("Pika! did not start: " + e.getMessage());
            stopAll.run();
            return 1;
        }
        int status = server.awaitExit(Duration.ofDays(3650));
        if (status != 0) {
            System.err.println("Payara Micro stopped with status " + status + "; see its output above");
        }
        return status;
    }

    /** Copies what Micro writes to this console while it runs. */
    private static void echo(Path file, MicroServer server) {
        try {
            while (!Files.exists(file)) {
                Thread.sleep(100);
            }
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buffer = new byte[8192];
                while (true) {
                    int n = in.read(buffer);
                    if (n > 0) {
                        System.out.write(buffer, 0, n);
                        System.out.flush();
                    } else if (!server.process().isAlive()) {
                        return;
                    } else {
                        Thread.sleep(100);
                    }
                }
            }
        } catch (IOException e) {
            System.err.println("Cannot show Payara Micro's output (" + e.getMessage() + "); it is in " + file);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether nothing listens on the port yet (on any address, as Micro will bind it). */
    static boolean portFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
