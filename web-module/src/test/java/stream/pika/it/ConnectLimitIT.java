package stream.pika.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import stream.pika.payara.MicroServer;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The WebSocket connect limit per client IP: successful connects count too (the original reset
 * the count on each), the answer over it is 429 before any upgrade, and the client IP is the one
 * the trusted proxy names.
 */
class ConnectLimitIT {

    private static final String DATABASE = "pika_it_connects";
    private static final int LIMIT = 3;
    private static MicroServer server;

    @BeforeAll
    static void startServer() {
        TestServer.postgres().recreate(DATABASE);
        server = TestServer.micro("connect-limit-server")
                .env(TestServer.databaseEnv(DATABASE))
                .env("PIKA_TRUSTED_PROXIES", TestServer.TRUSTED_PROXY)
                .env("PIKA_RATELIMIT_WS_CONNECTS_LIMIT", Integer.toString(LIMIT))
                .env("PIKA_RATELIMIT_WS_CONNECTS_WINDOW", "PT1M")
                .start();
        server.awaitHealthy(Duration.ofMinutes(2));
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void successfulConnectsCountAndTheNextIsRefusedBeforeTheUpgrade() {
        String phone = "203.0.113.10";
        for (int i = 0; i < LIMIT; i++) {
            try (WsClient ws = WsClient.connect(server.port(), phone)) {
                ws.send("{\"type\":\"PING\"}");
                ws.await("PONG", LiveDj.WAIT);
            }
        }
        CompletionException refused = assertThrows(CompletionException.class, () -> WsClient.connect(server.port(), phone));
        assertTrue(refused.getCause() instanceof WebSocketHandshakeException, String.valueOf(refused.getCause()));
        WebSocketHandshakeException handshake = (WebSocketHandshakeException) refused.getCause();
        assertEquals(429, handshake.getResponse().statusCode());
        assertTrue(handshake.getResponse().headers().firstValue("Retry-After").isPresent());

        // Another phone behind the same proxy has its own count.
        try (WsClient other = WsClient.connect(server.port(), "203.0.113.11")) {
            other.send("{\"type\":\"PING\"}");
            other.await("PONG", LiveDj.WAIT);
        }
    }

    /** Only a connection that asks for an upgrade is counted: the plain API is not limited by it. */
    @Test
    void plainRequestsToTheSocketPathAreNotCounted() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < LIMIT + 2; i++) {
            http.send(java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/ws"))
                    .header("X-Forwarded-For", "203.0.113.20").build(), java.net.http.HttpResponse.BodyHandlers.discarding());
        }
        WebSocket ws = http.newWebSocketBuilder().header("X-Forwarded-For", "203.0.113.20")
                .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/ws"), new WebSocket.Listener() {
                }).join();
        ws.abort();
    }

    /**
     * Found from outside: {@code Upgrade: websocket<TAB>} was upgraded by the container but not
     * counted, 300 times in a row from a refused address. Every spelling the container accepts
     * counts now: past the limit each is refused with 429, none is upgraded.
     */
    @ParameterizedTest
    @ValueSource(strings = {"websocket\t", "WebSocket", " websocket ", "websocket, h2c"})
    void everySpellingOfTheUpgradeCounts(String upgrade) throws Exception {
        String phone = "203.0.113." + (30 + Math.floorMod(upgrade.hashCode(), 200));
        java.util.List<Integer> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < LIMIT + 5; i++) {
            statuses.add(rawUpgrade(upgrade, phone));
        }
        assertEquals(java.util.Collections.nCopies(5, 429), statuses.subList(LIMIT, LIMIT + 5),
                "past the limit every upgrade with Upgrade: [" + upgrade + "] is refused: " + statuses);
    }

    /** The status line of a hand-written upgrade request (the JDK client always spells the header one way). */
    private static int rawUpgrade(String upgrade, String forwardedFor) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            String request = "GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: " + upgrade + "\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                    + "X-Forwarded-For: " + forwardedFor + "\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            return statusLine == null ? -1 : Integer.parseInt(statusLine.split(" ")[1]);
        }
    }
}
