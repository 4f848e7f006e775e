package stream.pika.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Finding 5d: bodies were parsed whole before any limit was checked (an 8 MB fingerprint sync
 * cost 4–8 s of CPU and 400 MB of heap; eight at once stopped a node). Every route now refuses a
 * body over its limit with 413 {@code {"error"}} and the security headers, before reading it, and
 * the node keeps answering {@code /health} through a burst of them.
 */
@ExtendWith(TestServer.class)
class BodyLimitIT {

    @Test
    void oversizedBodiesAreRefusedBeforeTheyAreRead() throws IOException {
        for (String path : List.of("/api/auth/register", "/api/auth/login", "/api/push/subscribe")) {
            RawHttp.Answer answer = declaredButNotSent(path, 10 * 1024 * 1024);
            assertEquals(413, answer.status(), path + ": " + answer);
            assertEquals("Request body too large (max 65536 bytes)", answer.json().getString("error"));
            assertTrue(answer.headers().containsKey("content-security-policy"), "security headers on the refusal: " + answer);
        }
        // The fingerprint sync has a larger limit, checked before authentication too.
        RawHttp.Answer sync = declaredButNotSent("/api/sessions/pika_session_1/sync-fingerprints", 8 * 1024 * 1024);
        assertEquals(413, sync.status(), sync::toString);
        assertEquals("Request body too large (max 1048576 bytes)", sync.json().getString("error"));

        RawHttp.Answer chunked = chunked("/api/auth/login", 200 * 1024);
        assertEquals(413, chunked.status(), chunked::toString);
        assertEquals("Request body too large (max 65536 bytes)", chunked.json().getString("error"));
    }

    @Test
    void aBodyWithinItsLimitStillWorks() throws IOException {
        RawHttp.Answer chunked = chunkedBody("/api/auth/login", "{\"email\":\"nobody@example.com\",\"password\":\"not-the-password\"}");
        assertEquals(401, chunked.status(), "read and answered as usual: " + chunked);
    }

    /**
     * Several clients send 8 MB bodies at once, again and again, while a monitor asks for
     * {@code /health}: every health check is answered, quickly.
     */
    @Test
    void theNodeStaysHealthyThroughABurstOfOversizedRequests() throws Exception {
        byte[] eightMegabytes = ("{\"tracks\":[" + "{\"artist\":\"A\",\"title\":\"T\"},".repeat(8 * 1024 * 1024 / 28) + "{}]}")
                .getBytes(StandardCharsets.UTF_8);
        HttpClient monitor = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<Integer>> senders = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            senders.add(clients.submit(() -> {
                int refused = 0;
                for (int round = 0; round < 5; round++) {
                    if (sendWhole("/api/sessions/pika_session_1/sync-fingerprints", eightMegabytes) == 413) {
                        refused++;
                    }
                }
                return refused;
            }));
        }
        List<Long> healthMillis = new ArrayList<>();
        try {
            while (senders.stream().anyMatch(f -> !f.isDone())) {
                long start = System.nanoTime();
                HttpResponse<String> health = monitor.send(HttpRequest.newBuilder(TestServer.baseUri().resolve("/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, health.statusCode(), health.body());
                healthMillis.add((System.nanoTime() - start) / 1_000_000);
                Thread.sleep(100);
            }
            int refused = 0;
            for (Future<Integer> sender : senders) {
                refused += sender.get(2, TimeUnit.MINUTES);
            }
            assertEquals(40, refused, "every oversized request refused with 413");
        } finally {
            clients.shutdownNow();
        }
        System.out.printf("health during the burst: %d checks, slowest %d ms%n", healthMillis.size(),
                healthMillis.stream().mapToLong(Long::longValue).max().orElse(-1));
        assertTrue(healthMillis.size() >= 1, "health was checked during the burst");
    }

    /** Headers that announce a large body, and only a few bytes of it: the answer must come anyway. */
    private static RawHttp.Answer declaredButNotSent(String path, int length) throws IOException {
        try (Socket socket = RawHttp.open()) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nX-Pika-Client: pika-e2e\r\n"
                    + "Content-Length: " + length + "\r\n\r\n{\"email\":\"").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return RawHttp.read(socket);
        }
    }

    /** A chunked body of {@code size} bytes, sent in 8 KiB chunks until the server answers. */
    private static RawHttp.Answer chunked(String path, int size) throws IOException {
        try (Socket socket = RawHttp.open()) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nX-Pika-Client: pika-e2e\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "x".repeat(8192).getBytes(StandardCharsets.US_ASCII);
            try {
                for (int sent = 0; sent < size; sent += chunk.length) {
                    out.write(("2000\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException refusedMidway) {
                // the server answered and closed before the whole body was sent: read its answer
            }
            return RawHttp.read(socket);
        }
    }

    private static RawHttp.Answer chunkedBody(String path, String body) throws IOException {
        try (Socket socket = RawHttp.open()) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "X-Pika-Client: pika-e2e\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + Integer.toHexString(bytes.length) + "\r\n" + body + "\r\n0\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            return RawHttp.read(socket);
        }
    }

    /** Sends the whole body (as a client that ignores an early answer would); the status, or -1 if cut off. */
    private static int sendWhole(String path, byte[] body) {
        try (Socket socket = RawHttp.open()) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Authorization: Bearer pk_dj_00000000000000000000000000000000\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            try {
                out.write(body);
                out.flush();
            } catch (IOException refusedMidway) {
                // expected: the node answered 413 and closed without reading the rest
            }
            return RawHttp.read(socket).status();
        } catch (IOException e) {
            return -1;
        }
    }
}
