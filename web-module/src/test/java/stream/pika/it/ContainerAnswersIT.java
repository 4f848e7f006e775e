package stream.pika.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Finding 5g: requests the container answered before the application saw them, without the API's
 * {@code {"error"}} shape and without the security headers: a path whose escapes do not decode
 * ({@code %zz}: 200 with an empty body and a SEVERE stack trace each time), or decode to NUL, a
 * slash or a backslash, or climb above the root (an empty 400); a GET or DELETE with a body (an
 * empty 400). Sent over a raw socket: the JDK's HTTP client refuses to send such requests.
 */
@ExtendWith(TestServer.class)
class ContainerAnswersIT {

    @Test
    void pathsTheContainerCannotTakeGetTheApisAnswer() throws IOException {
        Path log = TestServer.itDirectory().resolve("shared-server.log");
        long severeBefore = severeCount(log);
        for (String path : List.of("/api/sessions/%zz/history", "/api/sessions/%00/history", "/api/sessions/%C0/history",
                "/api/sessions/a%5Cb/history", "/api/sessions/../../../etc/passwd", "/%C0%AF", "/api/stats%zz?x=1")) {
            for (String method : List.of("GET", "POST")) {
                RawHttp.Answer answer = RawHttp.send(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pika-Client: pika-e2e\r\n"
                        + (method.equals("POST") ? "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}" : "\r\n"));
                assertEquals(400, answer.status(), method + " " + path + ": " + answer);
                assertEquals("Malformed request path", answer.json().getString("error"), method + " " + path);
                assertTrue(answer.headers().containsKey("content-security-policy"), "security headers for " + path + ": " + answer);
                assertEquals("nosniff", answer.headers().get("x-content-type-options"));
            }
        }
        assertEquals(severeBefore, severeCount(log), "no SEVERE stack trace for a malformed path");
        // An encoded slash the container takes reaches the route, which refuses the id in its own words.
        RawHttp.Answer slash = RawHttp.send("GET /api/sessions/a%2Fb/history HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pika-Client: pika-e2e\r\n\r\n");
        assertEquals(400, slash.status(), slash::toString);
        assertTrue(slash.json().containsKey("error") && slash.headers().containsKey("content-security-policy"), slash::toString);
        // A well-formed neighbour still reaches its route.
        assertEquals(200, RawHttp.send("GET /api/sessions/active HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pika-Client: pika-e2e\r\n\r\n").status());
    }

    @Test
    void aGetOrDeleteWithABodyGetsTheApisAnswer() throws IOException {
        for (String method : List.of("GET", "DELETE")) {
            RawHttp.Answer answer = RawHttp.send(method + " /api/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pika-Client: pika-e2e\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 13\r\n\r\n{\"drop\":true}");
            assertEquals(400, answer.status(), method + ": " + answer);
            assertEquals("A " + method + " request carries no body", answer.json().getString("error"));
            assertTrue(answer.headers().containsKey("content-security-policy"), method + ": " + answer);
        }
        RawHttp.Answer chunked = RawHttp.send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n");
        assertEquals(400, chunked.status(), chunked::toString);
        assertEquals("A GET request carries no body", chunked.json().getString("error"));
    }

    @Test
    void traceGetsTheApisAnswer() throws IOException {
        RawHttp.Answer answer = RawHttp.send("TRACE /api/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        assertEquals(405, answer.status(), answer::toString);
        assertEquals("Method not allowed", answer.json().getString("error"), answer::toString);
        assertTrue(answer.headers().get("allow").contains("GET"), answer::toString);
        assertTrue(answer.headers().containsKey("content-security-policy"), answer::toString);
    }

    private static long severeCount(Path log) throws IOException {
        return Files.readString(log).lines().filter(line -> line.startsWith("SEVERE")).count();
    }
}
