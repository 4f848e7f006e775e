package stream.pika.it;

import jakarta.json.Json;

import java.util.UUID;

/** A dancer's phone: a connection with a client id, as the web app opens it. */
public final class Dancer {

    private Dancer() {
    }

    public static String newClientId() {
        return "client_" + System.currentTimeMillis() + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Connects and sends SUBSCRIBE {clientId, sessionId} like the web app's live page. */
    public static WsClient following(String sessionId, String clientId) {
        WsClient ws = WsClient.connect();
        ws.send(Json.createObjectBuilder().add("type", "SUBSCRIBE").add("clientId", clientId)
                .add("sessionId", sessionId).build().toString());
        ws.await("LISTENER_COUNT", LiveDj.WAIT);
        return ws;
    }

    public static WsClient following(String sessionId) {
        return following(sessionId, newClientId());
    }

    /** A landing-page connection: no session chosen yet. */
    public static WsClient inLobby() {
        return WsClient.connect();
    }
}
