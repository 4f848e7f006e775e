package stream.pika.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Per-session routing: 100 sessions with 10 dancers each, every dancer gets its own session's
 * tracks and nothing of any other session; the lobby hears starts and ends only.
 */
@ExtendWith(TestServer.class)
class RoutingIT {

    private static final int DJS = 10;
    private static final int SESSIONS_PER_DJ = 10;
    private static final int LISTENERS = 10;

    @Test
    void everyDancerGetsExactlyItsSession() throws Exception {
        List<LiveDj> djs = new ArrayList<>();
        List<String> sessionIds = new ArrayList<>();
        List<LiveDj> connections = new ArrayList<>();
        List<List<WsClient>> listeners = new ArrayList<>();
        try (WsClient lobby = Dancer.inLobby()) {
            for (int d = 0; d < DJS; d++) {
                LiveDj dj = LiveDj.signUp();
                djs.add(dj);
                for (int s = 0; s < SESSIONS_PER_DJ; s++) {
                    LiveDj connection = dj.another().connect();
                    String sessionId = LiveDj.newSessionId();
                    connection.register(sessionId);
                    connections.add(connection);
                    sessionIds.add(sessionId);
                }
            }
            // The dancers join in parallel, as they would at the door.
            ExecutorService doors = Executors.newFixedThreadPool(16);
            try {
                List<Future<List<WsClient>>> joining = new ArrayList<>();
                for (String sessionId : sessionIds) {
                    joining.add(doors.submit(() -> {
                        List<WsClient> dancers = new ArrayList<>();
                        for (int l = 0; l < LISTENERS; l++) {
                            dancers.add(Dancer.following(sessionId));
                        }
                        return dancers;
                    }));
                }
                for (Future<List<WsClient>> dancers : joining) {
                    listeners.add(dancers.get());
                }
            } finally {
                doors.shutdown();
            }
            for (int i = 0; i < connections.size(); i++) {
                assertEquals("ACK", connections.get(i).play(sessionIds.get(i), "Artist " + i, "Title " + i).getString("type"));
            }
            for (int i = 0; i < connections.size(); i++) {
                for (WsClient dancer : listeners.get(i)) {
                    int session = i;
                    JsonObject track = dancer.awaitMatching(m -> "NOW_PLAYING".equals(m.getString("type")), LiveDj.WAIT,
                            "NOW_PLAYING of session " + session + " " + sessionIds.get(session));
                    assertEquals(sessionIds.get(i), track.getString("sessionId"));
                    assertEquals("Title " + i, track.getJsonObject("track").getString("title"));
                }
            }
            Thread.sleep(700); // anything misrouted would have arrived by now
            for (int i = 0; i < connections.size(); i++) {
                String own = sessionIds.get(i);
                for (WsClient dancer : listeners.get(i)) {
                    List<JsonObject> rest = dancer.drainNow();
                    assertTrue(rest.stream().allMatch(m -> own.equals(m.getString("sessionId", own))),
                            () -> "a dancer of " + own + " got " + rest);
                    assertTrue(rest.stream().noneMatch(m -> "NOW_PLAYING".equals(m.getString("type"))), "exactly one track");
                }
            }
            List<JsonObject> lobbyHeard = lobby.drain(Duration.ofMillis(500));
            long started = lobbyHeard.stream().filter(m -> "SESSION_STARTED".equals(m.getString("type"))
                    && sessionIds.contains(m.getString("sessionId"))).count();
            assertEquals(sessionIds.size(), started, "the lobby heard every start");
            assertTrue(lobbyHeard.stream().noneMatch(m -> "NOW_PLAYING".equals(m.getString("type"))), "but no tracks");
        } finally {
            listeners.forEach(list -> list.forEach(WsClient::close));
            connections.forEach(LiveDj::close);
        }
    }
}
