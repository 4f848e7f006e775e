package stream.pika.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A real WebSocket client (the JDK's) for the tests: sends JSON text frames, collects what the
 * server sends, and remembers how the server closed the connection.
 */
public final class WsClient implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final jakarta.json.spi.JsonProvider JSON = jakarta.json.spi.JsonProvider.provider();

    /** How the server closed the connection. */
    public record Closed(int code, String reason) {
    }

    private final BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private volatile boolean reading = true;
    private WebSocket socket;

    private WsClient() {
    }

    public static WsClient connect() {
        return connect(TestServer.server().port(), null);
    }

    /** Connects to the given Pika! port; {@code forwardedFor} names the client IP through the trusted proxy. */
    public static WsClient connect(int port, String forwardedFor) {
        WsClient client = new WsClient();
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (forwardedFor != null) {
            builder.header("X-Forwarded-For", forwardedFor);
        }
        client.socket = builder.buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), client.listener())
                .orTimeout(15, TimeUnit.SECONDS).join();
        return client;
    }

    /** Connects through {@code http} (its cookie jar sends and keeps cookies, as a browser) with these headers. */
    public static WsClient connect(HttpClient http, int port, String... headers) {
        WsClient client = new WsClient();
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        client.socket = builder.buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), client.listener())
                .orTimeout(15, TimeUnit.SECONDS).join();
        return client;
    }

    private WebSocket.Listener listener() {
        return new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    try (JsonReader reader = JSON.createReader(new StringReader(partial.toString()))) {
                        received.add(reader.readObject());
                    }
                    partial.setLength(0);
                }
                if (reading) {
                    webSocket.request(1);
                }
                return null;
            }

            @Override
            public CompletionStage<?> onPing(WebSocket webSocket, java.nio.ByteBuffer message) {
                // The JDK answers the ping itself; keep reading.
                if (reading) {
                    webSocket.request(1);
                }
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                closed.complete(new Closed(statusCode, reason));
                return null;
            }

            @Override
            public void onError(WebSocket webSocket, Throwable error) {
                closed.complete(new Closed(-1, String.valueOf(error)));
            }
        };
    }

    public void send(String json) {
        socket.sendText(json, true).orTimeout(10, TimeUnit.SECONDS).join();
    }

    /** The next message of this type within the timeout (others before it are skipped). */
    public JsonObject await(String type, Duration timeout) {
        return awaitMatching(m -> type.equals(m.getString("type", null)), timeout, type);
    }

    public JsonObject awaitMatching(Predicate<JsonObject> match, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                JsonObject next = left <= 0 ? null : received.poll(left, TimeUnit.NANOSECONDS);
                if (next == null) {
                    fail("no " + what + " within " + timeout);
                }
                if (match.test(next)) {
                    return next;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Everything received until nothing more arrives for {@code quiet}. */
    public List<JsonObject> drain(Duration quiet) {
        List<JsonObject> messages = new ArrayList<>();
        try {
            JsonObject next;
            while ((next = received.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                messages.add(next);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return messages;
    }

    /** Everything received so far, without waiting. */
    public List<JsonObject> drainNow() {
        List<JsonObject> messages = new ArrayList<>();
        received.drainTo(messages);
        return messages;
    }

    /** The messages of one type received until quiet. */
    public List<JsonObject> drain(String type, Duration quiet) {
        return drain(quiet).stream().filter(m -> type.equals(m.getString("type", null))).toList();
    }

    /** Stops reading from the socket: the server's writes back up, as with a phone that froze. */
    public void stopReading() {
        reading = false;
    }

    /** Reads again: the backlog, then whatever follows (a close, say). */
    public void resumeReading() {
        reading = true;
        socket.request(Long.MAX_VALUE);
    }

    /** Messages received and not yet taken. */
    public int backlog() {
        return received.size();
    }

    public Closed awaitClose(Duration timeout) {
        try {
            return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            fail("the server did not close the connection within " + timeout);
            return null;
        }
    }

    public boolean isClosed() {
        return closed.isDone() || socket.isInputClosed();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
        }
        socket.abort();
    }
}
