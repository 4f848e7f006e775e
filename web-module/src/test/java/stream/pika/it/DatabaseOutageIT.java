package stream.pika.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import stream.pika.payara.EmbeddedDatabase;
import stream.pika.payara.MicroServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The database goes away under a running server and comes back: health says so (503 in the
 * original's shape, readiness DOWN) and recovers without a restart. Uses its own PostgreSQL
 * (the embedded one of the run command) so it can be stopped.
 */
class DatabaseOutageIT {

    @Test
    void healthFollowsTheDatabase() throws Exception {
        Path data = TestServer.itDirectory().resolve("outage-postgres");
        int port = TestServer.freePort();
        EmbeddedDatabase postgres = EmbeddedDatabase.start(data, port);
        try {
            postgres.server().recreate("pika");
            try (MicroServer micro = TestServer.micro("database-outage")
                    .env("PIKA_DB_URL", postgres.server().jdbcUrl("pika"))
                    .env("PIKA_DB_USER", "postgres")
                    .env("PIKA_DB_PASSWORD", "postgres")
                    .start()) {
                micro.awaitHealthy(Duration.ofMinutes(2));
                URI base = micro.baseUri();

                postgres.close();
                HttpResponse<String> down = get(base.resolve("/health"));
                assertEquals(503, down.statusCode(), down.body());
                JsonObject body = new Api.Reply(503, down.headers(), down.body()).json();
                assertEquals("error", body.getString("status"));
                assertEquals("Database unavailable", body.getString("error"));
                assertFalse(body.containsKey("activeSessions"));
                assertEquals(503, get(base.resolve("/mp-health/ready")).statusCode());

                postgres = EmbeddedDatabase.start(data, port);
                awaitStatus(base.resolve("/health"), 200, Duration.ofSeconds(60));
                assertEquals(200, get(base.resolve("/mp-health/ready")).statusCode());
            }
        } finally {
            postgres.close();
        }
    }

    private static void awaitStatus(URI uri, int status, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            last = get(uri).statusCode();
            if (last == status) {
                return;
            }
            Thread.sleep(500);
        }
        fail(uri + " answered " + last + ", not " + status + ", within " + timeout);
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
