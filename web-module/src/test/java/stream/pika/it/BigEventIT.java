package stream.pika.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static stream.pika.it.LiveDj.WAIT;

/**
 * What a big event changes on the wire: a sessions list longer than one WebSocket fragment
 * (Pika! frames a message once for all its recipients and sends a long one in fragments, so the
 * container keeps no copy per phone) arrives whole,
 * names with characters outside the BMP intact; and the server frees each connection's upgrade
 * leftovers without complaint.
 */
@ExtendWith(TestServer.class)
class BigEventIT {

    private static final int SESSIONS = 90;
    /** The server's fragment size (FramedText.FRAGMENT_BYTES). */
    private static final int FRAGMENT_BYTES = 6 * 1024;

    @Test
    void aLongSessionsListArrivesWholeWithEveryNameIntact() throws IOException {
        List<LiveDj> djs = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        try {
            // The DJs' account names go on the wire; each carries a surrogate pair (two chars, one emoji).
            // Ten sets per account (the server's per-DJ limit), so nine accounts.
            for (int a = 0; a < SESSIONS / TestServer.MAX_SESSIONS_PER_DJ; a++) {
                String unique = UUID.randomUUID().toString().substring(0, 8);
                String name = "DJ \uD83C\uDFA7 Ünïcödé " + unique;
                Api.Reply signedUp = Api.at(TestServer.server().port(), "198.18.90." + (10 + a)).post("/api/auth/register",
                        "{\"email\":\"big-" + unique + "@example.com\",\"password\":\"dj-password\",\"displayName\":\"" + name + "\"}");
                assertEquals(201, signedUp.status(), signedUp::toString);
                LiveDj account = LiveDj.of(signedUp.json());
                for (int i = 0; i < TestServer.MAX_SESSIONS_PER_DJ; i++) {
                    LiveDj dj = account.another().connect();
                    djs.add(dj);
                    String sessionId = LiveDj.newSessionId();
                    names.put(sessionId, name);
                    dj.register(sessionId);
                }
            }
            try (WsClient phone = WsClient.connect()) {
                phone.send("{\"type\":\"GET_SESSIONS\",\"clientId\":\"client_big_event_01\"}");
                JsonObject list = phone.await("SESSIONS_LIST", WAIT);
                assertTrue(list.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 2 * FRAGMENT_BYTES,
                        "the list spans several fragments");
                Map<String, String> received = list.getJsonArray("sessions").getValuesAs(JsonObject.class).stream()
                        .filter(s -> names.containsKey(s.getString("sessionId")))
                        .collect(Collectors.toMap(s -> s.getString("sessionId"), s -> s.getString("djName")));
                assertEquals(names, received);
                Protocol.valid(list);

                // The lean list a late joiner gets is as long, and whole too.
                String followed = names.keySet().iterator().next();
                phone.send("{\"type\":\"SUBSCRIBE\",\"clientId\":\"client_big_event_01\",\"sessionId\":\"" + followed + "\"}");
                JsonObject lean = phone.await("SESSIONS_LIST", WAIT);
                assertTrue(lean.getJsonArray("sessions").getValuesAs(JsonObject.class).stream()
                        .map(s -> s.getString("sessionId")).collect(Collectors.toSet()).containsAll(names.keySet()));
                phone.await("LISTENER_COUNT", WAIT);
            }
        } finally {
            djs.forEach(LiveDj::close);
        }
        String log = Files.readString(TestServer.server().log());
        assertFalse(log.contains("upgrade leftovers"), "the server freed every connection's upgrade leftovers");
        assertFalse(log.contains("Upgrade leftovers are kept"), "the container's internals were found");
        assertFalse(log.contains("Tyrus internals not available"), "the frame writer and the idle-timer bypass found Tyrus");
        assertFalse(log.contains("Grizzly internals not available"), "the pinger writes from a Grizzly writer thread");
    }
}
