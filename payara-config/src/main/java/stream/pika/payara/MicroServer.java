package stream.pika.payara;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * One Payara Micro process running the Pika! WAR: started with the pre-boot commands and the
 * given environment, ready once {@code GET /health} answers 200 (Micro prints "ready" even when
 * the deployment failed, so only the application's answer counts).
 */
public final class MicroServer implements AutoCloseable {

    public static final String PRE_BOOT_RESOURCE = "/payara/micro/pre-boot-commands.asadmin";

    private static final Pattern DEPLOYED_NOTHING = Pattern.compile("\"Deployed\":\\s*\\[\\s*\\]");

    private final Process process;
    private final int port;
    private final Path log;

    private MicroServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public static Builder builder(Path microJar, Path war) {
        return new Builder(microJar, war);
    }

    public URI baseUri() {
        return URI.create("http://localhost:" + port);
    }

    public int port() {
        return port;
    }

    public Process process() {
        return process;
    }

    /** The file the server's output goes to, when it is not inherited. */
    public Path log() {
        return log;
    }

    /**
     * Waits until the application answers {@code GET /health} with 200.
     *
     * @throws IllegalStateException when the process exits first or the time runs out
     */
    public Duration awaitHealthy(Duration timeout) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        // HTTP/1.1: polled while deploying, the JDK client's h2c upgrade kept one HTTP/2 connection that
        // sometimes never answered again (twice this shared server or the dev server waited out its time, ready).
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(baseUri().resolve("/health")).timeout(Duration.ofSeconds(5)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited with status " + process.exitValue()
                        + " before the application answered" + logHint());
            }
            deadStart().ifPresent(reason -> {
                throw new IllegalStateException("Payara Micro is up but does not serve Pika!: " + reason + logHint());
            });
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
            } catch (ConnectException e) {
                // not listening yet
            } catch (IOException e) {
                // listener up, application not yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Payara Micro", e);
            }
            sleep(Duration.ofMillis(250));
        }
        throw new IllegalStateException("The application did not answer GET /health within " + timeout + logHint());
    }

    /**
     * What the log says when Micro came up without serving Pika!: nothing deployed, or its listener
     * lost after it said "ready" (both seen on a loaded machine). Empty while the log says nothing
     * of the kind; the health answer stays the test of success.
     */
    public Optional<String> deadStart() {
        if (log == null || !Files.exists(log)) {
            return Optional.empty();
        }
        try {
            String text = Files.readString(log);
            if (DEPLOYED_NOTHING.matcher(text).find()) {
                return Optional.of("Micro deployed nothing (\"Deployed\": [])");
            }
            if (text.contains("GrizzlyProxy is NULL")) {
                return Optional.of("its HTTP listener did not come back after a reconfiguration (GrizzlyProxy is NULL)");
            }
            return Optional.empty();
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty(); // a log being written with a partial character: read again next time
        }
    }

    /** Waits for the process to end by itself; returns its status, or -1 when it is still running. */
    public int awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Asks Micro to shut down (SIGTERM) and waits; kills it after 30 s. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private String logHint() {
        return log == null ? "" : " (see " + log + ")";
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Copies the pre-boot commands shipped in this jar to a file Micro can read. */
    public static Path preBootCommandsFile(Path directory) {
        try (InputStream in = MicroServer.class.getResourceAsStream(PRE_BOOT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(PRE_BOOT_RESOURCE + " is missing from the classpath");
            }
            Files.createDirectories(directory);
            Path file = directory.resolve("pre-boot-commands.asadmin");
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Options of one Micro start. */
    public static final class Builder {
        private final Path microJar;
        private final Path war;
        private int port = 8080;
        private Path preBootCommands;
        private Path log;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private final List<String> jvmOptions = new ArrayList<>();

        private Builder(Path microJar, Path war) {
            this.microJar = microJar;
            this.war = war;
        }

        public Builder port(int value) {
            this.port = value;
            return this;
        }

        public Builder preBootCommands(Path file) {
            this.preBootCommands = file;
            return this;
        }

        /** Sends the server's output to this file instead of this process's console. */
        public Builder logTo(Path file) {
            this.log = file;
            return this;
        }

        public Builder env(String name, String value) {
            environment.put(name, value);
            return this;
        }

        public Builder env(Map<String, String> values) {
            environment.putAll(values);
            return this;
        }

        public Builder jvmOption(String option) {
            jvmOptions.add(option);
            return this;
        }

        public MicroServer start() {
            requireFile(microJar, "Payara Micro jar");
            requireFile(war, "Pika! WAR");
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            // Payara's deploy-time JNDI check looked up the application's own datasource before it
            // existed, now and then under load, and failed the deployment (AS-DEPLOYMENT-00026) while
            // Micro went on "ready" and served 404s. The application checks its database itself at start.
            command.add("-Ddeployment.resource.validation=false");
            command.addAll(jvmOptions);
            command.addAll(List.of("-jar", microJar.toString(),
                    "--deploy", war.toString(),
                    "--contextroot", "/",
                    "--nohazelcast",
                    "--port", Integer.toString(port)));
            if (preBootCommands != null) {
                command.addAll(List.of("--prebootcommandfile", preBootCommands.toString()));
            }
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(environment);
            if (log == null) {
                builder.inheritIO();
            } else {
                builder.redirectErrorStream(true).redirectOutput(log.toFile());
            }
            try {
                return new MicroServer(builder.start(), port, log);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start Payara Micro", e);
            }
        }

        private static void requireFile(Path file, String what) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException(what + " not found at " + file + " (build first: mvn package)");
            }
        }
    }
}
