package stream.pika.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import stream.pika.payara.MicroServer;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static stream.pika.it.InteractionsIT.assertAck;

/**
 * Finding 5a: live state in Redis was named by database ids and session ids only. After the
 * database was recreated while Redis kept its keys, a new poll 1 inherited the old poll 1's
 * "ended" flag (every vote refused, no vote row written), and a node on the new database picked up
 * the old database's live sessions (its history writer then failed on them, again and again).
 * Redis state is now named with the database's installation id, and a poll starts from nothing.
 */
class InstallationIT {

    private static final String DATABASE = "pika_it_installation";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String PREFIX = "pika-it-installation-" + System.nanoTime();
    private static MicroServer node;

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void aRecreatedDatabaseStartsFromCleanLiveState() throws Exception {
        TestServer.postgres().recreate(DATABASE);
        node = TwoNodesIT.node("installation-before", TestServer.freePort(), DATABASE, "redis://127.0.0.1:6379", PREFIX);
        String oldSession = LiveDj.newSessionId();
        LiveDj oldDj = TwoNodesIT.dj(node);
        oldDj.register(oldSession);
        long oldPoll = pollIn(oldDj, oldSession);
        try (WsClient dancer = TwoNodesIT.follow(node, oldSession)) {
            assertAck(vote(dancer, oldPoll));
        }
        assertAck(oldDj.send(Json.createObjectBuilder().add("type", "END_POLL").add("pollId", oldPoll)));
        // The node dies with the set live: its session and the ended poll stay in Redis.
        node.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        oldDj.close();

        TestServer.postgres().recreate(DATABASE);
        node = TwoNodesIT.node("installation-after", TestServer.freePort(), DATABASE, "redis://127.0.0.1:6379", PREFIX);
        Api.Reply sessions = Api.at(node.port()).get("/api/sessions");
        assertFalse(sessions.body().contains(oldSession), "the old database's live set is not this one's: " + sessions);

        try (LiveDj dj = TwoNodesIT.dj(node)) {
            String session = LiveDj.newSessionId();
            dj.register(session);
            long poll = pollIn(dj, session);
            assertEquals(oldPoll, poll, "the new database numbers its polls from the start again");
            try (WsClient dancer = TwoNodesIT.follow(node, session)) {
                JsonObject started = dancer.drain(Duration.ofMillis(300)).stream()
                        .filter(m -> "POLL_STARTED".equals(m.getString("type"))).findFirst().orElse(null);
                if (started != null) {
                    assertEquals(0, started.getInt("totalVotes", 0), "a new poll has no votes: " + started);
                }
                assertAck(vote(dancer, poll));
                List<String> votes = HistoryIT.awaitRowsIn(DATABASE, "SELECT option_index::text FROM poll_votes WHERE poll_id = "
                        + poll + " AND ?::text IS NOT NULL", session, 1);
                assertEquals(List.of("1"), votes);
            }
        }
        String log = Files.readString(node.log());
        assertFalse(log.contains(oldSession), "the new node never acted on the old database's session");
        assertTrue(log.contains("Installation "), "the node says which installation it is");
    }

    private static long pollIn(LiveDj dj, String session) {
        dj.ws.send(Json.createObjectBuilder().add("type", "START_POLL").add("sessionId", session)
                .add("question", "Blues or swing?").add("options", Json.createArrayBuilder().add("Blues").add("Swing")).build().toString());
        return dj.ws.await("POLL_STARTED", WAIT).getJsonNumber("pollId").longValue(); // the DJ's own copy, before any ACK
    }

    private static JsonObject vote(WsClient dancer, long pollId) {
        String messageId = LiveDj.messageId();
        dancer.send(Json.createObjectBuilder().add("type", "VOTE_ON_POLL").add("pollId", pollId).add("optionIndex", 1)
                .add("clientId", "client_installation_" + pollId + "_" + System.nanoTime()).add("messageId", messageId).build().toString());
        return dancer.awaitMatching(m -> messageId.equals(m.getString("messageId", null)), WAIT, "ACK/NACK of the vote");
    }
}
