package stream.pika.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /health} in the original's shape, and Payara's MicroProfile readiness moved to /mp-health. */
@ExtendWith(TestServer.class)
class HealthIT {

    @Test
    void healthHasTheOriginalShape() {
        Api.Reply reply = Api.newClient().get("/health");
        assertEquals(200, reply.status(), reply::toString);
        assertTrue(reply.header("Content-Type").startsWith("application/json"));
        JsonObject body = reply.json();
        assertEquals("ok", body.getString("status"));
        assertEquals("connected", body.getString("database"));
        assertTrue(body.getString("version").matches("\\d+\\.\\d+\\.\\d+.*"), body::toString);
        assertTrue(body.getJsonNumber("activeSessions").longValue() >= 0);
        String timestamp = body.getString("timestamp");
        assertTrue(timestamp.endsWith("Z"), timestamp);
        assertTrue(Duration.between(Instant.parse(timestamp), Instant.now()).abs().getSeconds() < 60);
        assertFalse(reply.containsNull());
    }

    @Test
    void readinessChecksTheDatabase() {
        Api.Reply reply = Api.newClient().get("/mp-health/ready");
        assertEquals(200, reply.status(), reply::toString);
        JsonObject body = reply.json();
        assertEquals("UP", body.getString("status"));
        assertTrue(body.getJsonArray("checks").stream().map(c -> c.asJsonObject().getString("name")).anyMatch("database"::equals),
                body::toString);
    }

    /** Readiness names the WebSocket container implementation and its tunings (auto: the tuned one on Payara). */
    @Test
    void readinessSaysWhichContainerImplementationServes() {
        JsonObject container = Api.newClient().get("/mp-health/ready").json().getJsonArray("checks").stream()
                .map(c -> c.asJsonObject()).filter(c -> "websocket-container".equals(c.getString("name"))).findFirst()
                .orElseThrow();
        JsonObject data = container.getJsonObject("data");
        if ("off".equals(System.getProperty("pika.it.container-tuning", "auto"))) {
            assertEquals("standard", data.getString("implementation"), container::toString);
            assertEquals("", data.getString("tunings"));
        } else {
            assertEquals("payara-tuned", data.getString("implementation"), container::toString);
            assertEquals("direct-writer,idle-timer-off,upgrade-leftovers-freed,terminate-stuck-connections,never-http2,"
                    + "grizzly-writer-threads,malformed-paths-answered", data.getString("tunings"));
        }
    }
}
