package stream.pika.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A real push service for tests: npm {@code web-push-testing} (installed into target by the
 * build). It hands out subscriptions like a browser's push manager, checks the VAPID signature
 * of every push, decrypts it (RFC 8291) and keeps the plain text for {@link #notifications}.
 */
public final class PushServiceEmulator implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** What the browser would give the web app after {@code pushManager.subscribe}. */
    public record Subscription(String endpoint, String p256dh, String auth, String clientHash) {
    }

    private final Process process;
    private final URI base;

    private PushServiceEmulator(Process process, int port) {
        this.process = process;
        this.base = URI.create("http://localhost:" + port);
    }

    public static PushServiceEmulator start() {
        Path server = Path.of(System.getProperty("pika.push.emulator",
                "target/push-emulator/node_modules/web-push-testing/src/bin/server.js"));
        if (!Files.exists(server)) {
            throw new IllegalStateException("The push-service emulator is not installed at " + server
                    + " (the build's pre-integration-test phase runs npm install in target/push-emulator)");
        }
        try {
            int port = freePort();
            Process process = new ProcessBuilder("node", server.toString(), String.valueOf(port))
                    .redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
                try {
                    String line;
                    while ((line = out.readLine()) != null) {
                        if (line.startsWith("Server running")) {
                            return line;
                        }
                    }
                    return null;
                } catch (IOException e) {
                    return null;
                }
            });
            if (ready.get(20, TimeUnit.SECONDS) == null) {
                process.destroyForcibly();
                throw new IllegalStateException("The push-service emulator did not start");
            }
            // Keep draining its output so it never blocks on a full pipe.
            CompletableFuture.runAsync(() -> out.lines().forEach(line -> { }));
            return new PushServiceEmulator(process, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("The push-service emulator did not start", e);
        }
    }

    /** A new subscription for our VAPID public key, as a browser makes one. */
    public Subscription subscribe(String vapidPublicKey) {
        JsonObject data = post("/subscribe", Json.createObjectBuilder().add("applicationServerKey", vapidPublicKey).build())
                .getJsonObject("data");
        JsonObject keys = data.getJsonObject("keys");
        return new Subscription(data.getString("endpoint"), keys.getString("p256dh"), keys.getString("auth"), data.getString("clientHash"));
    }

    /** The decrypted payloads this subscription received, oldest first. */
    public List<String> notifications(Subscription subscription) {
        return post("/get-notifications", Json.createObjectBuilder().add("clientHash", subscription.clientHash()).build())
                .getJsonObject("data").getJsonArray("messages").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList();
    }

    /** The browser dropped the subscription: from now on the push service answers 410. */
    public void expire(Subscription subscription) {
        send("/expire-subscription/" + subscription.clientHash(), "{}");
    }

    private JsonObject post(String path, JsonObject body) {
        return Json.createReader(new java.io.StringReader(send(path, body.toString()))).readObject();
    }

    private String send(String path, String body) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(base.resolve(path))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Emulator " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
