package stream.pika.it;

import org.junit.jupiter.api.Test;
import stream.pika.payara.Database;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The README's run command, through the launcher it runs ({@code DevServer}), as a separate
 * process: with the local PostgreSQL, and with none (the embedded fallback, whose data folder
 * survives a restart).
 */
class DevServerIT {

    private static final Duration READY_WITHIN = Duration.ofSeconds(90);

    @Test
    void usesTheLocalPostgresAndItsPikaDatabase() throws Exception {
        int port = TestServer.freePort();
        Path log = TestServer.itDirectory().resolve("dev-server-local.log");
        Process server = launch(port, log, TestServer.itDirectory().resolve("dev-server-local-data"), null);
        try {
            awaitHealth(server, port, log);
            assertTrue(Files.readString(log).contains("database: jdbc:postgresql://127.0.0.1:5432/pika (local PostgreSQL)"));
            Database local = TestServer.postgres();
            assertFalse(local.ensure("pika"), "the run command created database pika");
        } finally {
            stop(server);
        }
    }

    @Test
    void startsAnEmbeddedPostgresWhenThereIsNoneAndKeepsItsData() throws Exception {
        Path data = TestServer.itDirectory().resolve("dev-server-embedded-data");
        deleteRecursively(data);
        int noPostgresHere = TestServer.freePort();

        int port = TestServer.freePort();
        Path firstLog = TestServer.itDirectory().resolve("dev-server-embedded-1.log");
        Process first = launch(port, firstLog, data, noPostgresHere);
        String email;
        int postgresPort;
        try {
            awaitHealth(first, port, firstLog);
            String output = Files.readString(firstLog);
            assertTrue(output.contains("(embedded PostgreSQL, data in " + data.toAbsolutePath().resolve("postgres") + ")"), output);
            int latest = SchemaIT.latestMigration();
            assertTrue(output.contains("Database schema at version " + latest + " (" + latest + " migration(s) applied now)"), output);
            postgresPort = embeddedPort(output);
            Api.Reply registered = post(port, "/api/auth/register", Djs.newRegistration("kept-password"));
            assertEquals(201, registered.status(), registered::toString);
            email = registered.json().getJsonObject("user").getString("email");
        } finally {
            stop(first);
        }
        assertFalse(listening(postgresPort), "the embedded PostgreSQL stopped with the server");

        Path secondLog = TestServer.itDirectory().resolve("dev-server-embedded-2.log");
        Process second = launch(port, secondLog, data, noPostgresHere);
        try {
            awaitHealth(second, port, secondLog);
            assertTrue(Files.readString(secondLog).contains("Database schema at version " + SchemaIT.latestMigration()
                    + " (0 migration(s) applied now)"));
            Api.Reply login = post(port, "/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"kept-password\"}");
            assertEquals(200, login.status(), "the account survived the restart: " + login);
        } finally {
            stop(second);
        }
    }

    /** Finding 7: with an old server still on the port, the run command said "running" and Maven "BUILD SUCCESS". */
    @Test
    void refusesAPortThatIsTaken() throws Exception {
        try (ServerSocket oldServer = new ServerSocket(0)) {
            int port = oldServer.getLocalPort();
            Path log = TestServer.itDirectory().resolve("dev-server-busy-port.log");
            Process server = launch(port, log, TestServer.itDirectory().resolve("dev-server-busy-data"), null);
            assertTrue(server.waitFor(60, TimeUnit.SECONDS), "the run command gave up at once");
            assertEquals(1, server.exitValue());
            String output = Files.readString(log);
            assertTrue(output.contains("Pika! cannot start: port " + port + " is already in use"), output);
            assertFalse(output.contains("Pika! is running"), output);
        }
    }

    /**
     * Finding 7: stopping only the process that ran the launcher (an IDE's stop button, kill of
     * Maven) left Micro and the embedded PostgreSQL running on the port. The launcher now stops them
     * when its parent goes away.
     */
    @Test
    void stopsMicroWhenItsParentGoesAway() throws Exception {
        int port = TestServer.freePort();
        Path log = TestServer.itDirectory().resolve("dev-server-orphan.log");
        List<String> command = new java.util.ArrayList<>(launchCommand());
        String shell = String.join(" ", command.stream().map(a -> "'" + a + "'").toList()) + " > '" + log + "' 2>&1 & wait";
        ProcessBuilder parent = new ProcessBuilder("bash", "-c", shell);
        parent.environment().remove("PIKA_DB_URL");
        parent.environment().put("PIKA_PORT", Integer.toString(port));
        parent.environment().put("PIKA_DATA_DIR", TestServer.itDirectory().resolve("dev-server-orphan-data").toString());
        Process maven = parent.start();
        List<ProcessHandle> children = List.of();
        try {
            awaitHealth(maven, port, log);
            children = maven.descendants().toList();
            assertFalse(children.isEmpty(), "the launcher and Micro run under the parent");
            maven.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL: the parent cannot pass anything on
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (children.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
            assertTrue(children.stream().noneMatch(ProcessHandle::isAlive), "the launcher and Micro stopped with their parent");
            assertFalse(listening(port), "nothing left on the port");
            assertTrue(Files.readString(log).contains("is gone: stopping Pika!"));
        } finally {
            children.forEach(ProcessHandle::destroyForcibly);
            maven.destroyForcibly();
        }
    }

    private static List<String> launchCommand() {
        return List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "stream.pika.payara.DevServer",
                System.getProperty("pika.micro.jar"), System.getProperty("pika.war"),
                TestServer.itDirectory().toString());
    }

    private static Process launch(int port, Path log, Path data, Integer localPostgresPort) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(launchCommand());
        builder.environment().remove("PIKA_DB_URL");
        builder.environment().put("PIKA_PORT", Integer.toString(port));
        builder.environment().put("PIKA_DATA_DIR", data.toString());
        if (localPostgresPort != null) {
            builder.environment().put("PIKA_LOCAL_DB_PORT", localPostgresPort.toString());
        }
        return builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void awaitHealth(Process server, int port, Path log) throws Exception {
        long start = System.nanoTime();
        long deadline = start + READY_WITHIN.toNanos();
        // HTTP/1.1 and a timeout per request: twice a ready server's /health never reached this poll within 90 s;
        // the suspect is the JDK client's h2c upgrade during deployment, which keeps one HTTP/2 connection for every poll.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                fail("the run command exited with " + server.exitValue() + "; see " + log);
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    System.out.printf("run command: GET /health = 200 after %d ms%n", (System.nanoTime() - start) / 1_000_000);
                    awaitBanner(log);
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        fail("GET /health was not 200 within " + READY_WITHIN + "; see " + log);
    }

    /** The launcher prints where it runs once its own health check passed, a moment after ours. */
    private static void awaitBanner(Path log) throws Exception {
        for (int i = 0; i < 100; i++) {
            if (Files.readString(log).contains("Stop with Ctrl-C.")) {
                return;
            }
            Thread.sleep(100);
        }
        fail("the run command did not say where Pika! runs; see " + log);
    }

    /** SIGTERM, as Ctrl-C would: the launcher stops Micro and the embedded PostgreSQL, then exits. */
    private static void stop(Process server) throws InterruptedException {
        server.destroy();
        if (!server.waitFor(60, TimeUnit.SECONDS)) {
            server.destroyForcibly();
            fail("the run command did not stop within 60 s of SIGTERM");
        }
        server.descendants().forEach(ProcessHandle::destroyForcibly);
    }

    private static Api.Reply post(int port, String path, String json) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Content-Type", "application/json").header("X-Pika-Client", "pika-e2e")
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Api.Reply(response.statusCode(), response.headers(), response.body());
    }

    private static int embeddedPort(String output) {
        Matcher url = Pattern.compile("database: jdbc:postgresql://127\\.0\\.0\\.1:(\\d+)/pika").matcher(output);
        assertTrue(url.find(), "the launcher names the database it uses");
        return Integer.parseInt(url.group(1));
    }

    private static boolean listening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
