package stream.pika.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A DJ with a real account and token, driving the DJ side of the protocol as the desktop app does. */
public final class LiveDj implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(10);
    private static final AtomicInteger MESSAGES = new AtomicInteger();

    public final String token;
    public final String displayName;
    public final long accountId;
    public WsClient ws;

    private LiveDj(String token, String displayName, long accountId) {
        this.token = token;
        this.displayName = displayName;
        this.accountId = accountId;
    }

    /** Registers a new DJ account through the REST API. */
    public static LiveDj signUp() {
        return of(Djs.register(Api.newClient(), "dj-password"));
    }

    /** The DJ of a register or login answer. */
    public static LiveDj of(JsonObject signedIn) {
        JsonObject user = signedIn.getJsonObject("user");
        return new LiveDj(signedIn.getString("token"), user.getString("displayName"), user.getJsonNumber("id").longValue());
    }

    /** The same DJ account for another connection (one account may run several sessions). */
    public LiveDj another() {
        return new LiveDj(token, displayName, accountId);
    }

    public static String newSessionId() {
        return "pika_" + System.currentTimeMillis() + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String messageId() {
        return "msg_" + System.currentTimeMillis() + "_" + MESSAGES.incrementAndGet();
    }

    /** Opens a new connection (the old one, if any, stays as it is: close it to simulate a drop). */
    public LiveDj connect() {
        ws = WsClient.connect();
        return this;
    }

    /** REGISTER_SESSION with the token, as the desktop sends it; returns SESSION_REGISTERED. */
    public JsonObject register(String sessionId) {
        String messageId = messageId();
        ws.send(Json.createObjectBuilder().add("type", "REGISTER_SESSION").add("sessionId", sessionId)
                .add("djName", "Desktop Name").add("token", token).add("messageId", messageId).build().toString());
        JsonObject registered = ws.await("SESSION_REGISTERED", WAIT);
        assertAck(messageId);
        return registered;
    }

    /** REGISTER_SESSION on a stage (the DJ may play there); returns SESSION_REGISTERED. */
    public JsonObject registerOn(String sessionId, long stageId) {
        String messageId = messageId();
        ws.send(Json.createObjectBuilder().add("type", "REGISTER_SESSION").add("sessionId", sessionId)
                .add("djName", displayName).add("token", token).add("stageId", stageId).add("messageId", messageId).build().toString());
        JsonObject registered = ws.await("SESSION_REGISTERED", WAIT);
        assertAck(messageId);
        return registered;
    }

    /** BROADCAST_TRACK with a messageId; returns the ACK or NACK. */
    public JsonObject play(String sessionId, String artist, String title) {
        return send(Json.createObjectBuilder().add("type", "BROADCAST_TRACK").add("sessionId", sessionId)
                .add("track", Json.createObjectBuilder().add("artist", artist).add("title", title).add("bpm", 102)));
    }

    /** Sends the message with a fresh messageId and returns its ACK or NACK. */
    public JsonObject send(JsonObjectBuilder message) {
        String messageId = messageId();
        ws.send(message.add("messageId", messageId).build().toString());
        return ws.awaitMatching(m -> messageId.equals(m.getString("messageId", null)), WAIT, "ACK/NACK of " + messageId);
    }

    private void assertAck(String messageId) {
        JsonObject ack = ws.awaitMatching(m -> messageId.equals(m.getString("messageId", null)), WAIT, "ACK of " + messageId);
        assertEquals("ACK", ack.getString("type"), ack::toString);
    }

    @Override
    public void close() {
        if (ws != null) {
            ws.close();
        }
    }
}
