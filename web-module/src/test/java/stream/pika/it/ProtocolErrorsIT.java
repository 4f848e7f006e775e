package stream.pika.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad frames: a NACK that says why (when there is a messageId), the connection stays; oversize closes. */
@ExtendWith(TestServer.class)
class ProtocolErrorsIT {

    private static final Duration WAIT = LiveDj.WAIT;
    private static final Duration QUIET = Duration.ofMillis(500);

    @Test
    void invalidFramesAreAnsweredAndTheConnectionStays() {
        try (WsClient phone = WsClient.connect()) {
            phone.send("this is not json");
            phone.send("[1,2,3]");
            phone.send("{\"no\":\"type\"}");
            assertTrue(phone.drain("NACK", QUIET).isEmpty(), "without a messageId: dropped and logged");

            assertEquals("Invalid message: unknown type NOPE", nack(phone, "{\"type\":\"NOPE\",\"messageId\":\"m1\"}"));
            assertEquals("Invalid message: missing type", nack(phone, "{\"messageId\":\"m2\"}"));
            assertEquals("Invalid message: track.bpm must be less than or equal to 300",
                    nack(phone, "{\"type\":\"BROADCAST_TRACK\",\"messageId\":\"m3\",\"sessionId\":\"pika_session_1\","
                            + "\"track\":{\"artist\":\"A\",\"title\":\"T\",\"bpm\":500}}"));
            assertEquals("Invalid message: track.title must not be blank",
                    nack(phone, "{\"type\":\"BROADCAST_TRACK\",\"messageId\":\"m4\",\"sessionId\":\"pika_session_1\","
                            + "\"track\":{\"artist\":\"A\",\"title\":\"   \"}}"));
            assertEquals("Invalid message: sessionId size must be between 8 and 64",
                    nack(phone, "{\"type\":\"END_SESSION\",\"messageId\":\"m5\",\"sessionId\":\"short\"}"));
            assertEquals("Invalid message: sessionId must not contain control characters",
                    nack(phone, "{\"type\":\"SUBSCRIBE\",\"messageId\":\"m5b\",\"sessionId\":\"pika_set\\nsession:other\"}"),
                    "a line break in an id would split the topic bus's envelope");
            assertEquals("Invalid message: version must be 0.3.0",
                    nack(phone, "{\"type\":\"PING\",\"messageId\":\"m6\",\"version\":\"0.4.0\"}"));
            assertEquals("Invalid message: track must be an object",
                    nack(phone, "{\"type\":\"BROADCAST_TRACK\",\"messageId\":\"m7\",\"sessionId\":\"pika_session_1\",\"track\":\"text\"}"));

            phone.send("{\"type\":\"PING\"}");
            phone.await("PONG", WAIT);
        }
    }

    @Test
    void framesOverTenKibCloseWith1009() {
        try (WsClient phone = WsClient.connect()) {
            phone.send("{\"type\":\"PING\",\"pad\":\"" + "x".repeat(10 * 1024) + "\"}");
            assertEquals(1009, phone.awaitClose(WAIT).code());
        }
        try (WsClient phone = WsClient.connect()) {
            phone.send("{\"type\":\"PING\",\"pad\":\"" + "x".repeat(9 * 1024) + "\"}");
            phone.await("PONG", WAIT);
        }
    }

    @Test
    void theFirstClientIdIsLockedForTheConnection() {
        String first = Dancer.newClientId();
        String sessionId = LiveDj.newSessionId();
        try (WsClient phone = WsClient.connect(); WsClient sameDancer = WsClient.connect()) {
            phone.send("{\"type\":\"PING\",\"clientId\":\"" + first + "\"}");
            phone.await("PONG", WAIT);
            // Claims another id: the connection still counts as the first.
            phone.send("{\"type\":\"SUBSCRIBE\",\"clientId\":\"" + Dancer.newClientId() + "\",\"sessionId\":\"" + sessionId + "\"}");
            assertEquals(1, phone.await("LISTENER_COUNT", WAIT).getInt("count"));
            sameDancer.send("{\"type\":\"SUBSCRIBE\",\"clientId\":\"" + first + "\",\"sessionId\":\"" + sessionId + "\"}");
            assertEquals(1, sameDancer.await("LISTENER_COUNT", WAIT).getInt("count"), "one dancer, two connections");
        }
    }

    static String nack(WsClient phone, String frame) {
        phone.send(frame);
        JsonObject nack = phone.await("NACK", WAIT);
        Protocol.valid(nack);
        return nack.getString("error");
    }
}
