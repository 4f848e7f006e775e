package stream.pika.it;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static stream.pika.it.HistoryIT.awaitRows;
import static stream.pika.it.LiveDj.WAIT;

/**
 * Likes, tempo votes, reactions, polls and announcements with real phones on two live sessions:
 * each interaction reaches its own session only (never the sender), the rules and limits hold,
 * late joiners catch up, and each row is written once.
 */
@ExtendWith(TestServer.class)
class InteractionsIT {

    private static final Duration QUIET = Duration.ofMillis(600);

    /** Two live sessions, A and B, each with a playing track and dancers. */
    private static final class Room implements AutoCloseable {
        final String a = LiveDj.newSessionId();
        final String b = LiveDj.newSessionId();
        final LiveDj djA = LiveDj.signUp().connect();
        final LiveDj djB = LiveDj.signUp().connect();
        final String clientA1 = Dancer.newClientId();
        final WsClient a1;
        final WsClient a2;
        final WsClient b1;

        Room() {
            djA.register(a);
            djB.register(b);
            djA.play(a, "Artist A", "Track A");
            djB.play(b, "Artist B", "Track B");
            a1 = Dancer.following(a, clientA1);
            a2 = Dancer.following(a);
            b1 = Dancer.following(b);
            quiet();
        }

        void quiet() {
            for (WsClient ws : List.of(djA.ws, djB.ws, a1, a2, b1)) {
                ws.drain(QUIET);
            }
        }

        /** Nothing of the given type reached session B (its DJ and dancer). */
        void nothingIn(String b, String type) {
            for (WsClient ws : List.of(djB.ws, b1)) {
                assertTrue(ws.drain(type, QUIET).isEmpty(), type + " leaked into session " + b);
            }
        }

        @Override
        public void close() {
            a1.close();
            a2.close();
            b1.close();
            djA.close();
            djB.close();
        }
    }

    /** Sends with a fresh messageId and returns its ACK or NACK. */
    static JsonObject ask(WsClient ws, JsonObjectBuilder message) {
        String messageId = LiveDj.messageId();
        ws.send(message.add("messageId", messageId).build().toString());
        return ws.awaitMatching(m -> messageId.equals(m.getString("messageId", null)), WAIT, "ACK/NACK of " + messageId);
    }

    static void assertAck(JsonObject answer) {
        assertEquals("ACK", answer.getString("type"), answer::toString);
    }

    static void assertNack(String error, JsonObject answer) {
        assertEquals("NACK", answer.getString("type"), answer::toString);
        assertEquals(error, answer.getString("error"));
    }

    static JsonObjectBuilder track(String artist, String title) {
        return Json.createObjectBuilder().add("artist", artist).add("title", title);
    }

    static JsonObjectBuilder like(String type, String sessionId, String clientId, JsonObjectBuilder track) {
        return Json.createObjectBuilder().add("type", type).add("sessionId", sessionId).add("clientId", clientId)
                .add("payload", Json.createObjectBuilder().add("track", track));
    }

    @Test
    void likesReachTheirSessionOnceAndAreStoredOnce() throws Exception {
        try (Room room = new Room()) {
            assertAck(ask(room.a1, like("SEND_LIKE", room.a, room.clientA1, track("Artist A", "Track A"))));
            for (WsClient ws : List.of(room.a2, room.djA.ws)) {
                JsonObject liked = Protocol.valid(ws.await("LIKE_RECEIVED", WAIT));
                assertEquals("Track A", liked.getJsonObject("payload").getJsonObject("track").getString("title"));
                assertFalse(liked.containsKey("sessionId"), "the original's shape");
            }
            assertTrue(room.a1.drain("LIKE_RECEIVED", QUIET).isEmpty(), "not back to the sender");
            room.nothingIn(room.b, "LIKE_RECEIVED");

            // The same track, spelled differently, is the same like.
            assertNack("Already liked this track",
                    ask(room.a1, like("SEND_LIKE", room.a, room.clientA1, track("  artist   a ", "TRACK a"))));
            assertEquals(List.of("Track A"), awaitRows("SELECT p.title FROM likes l JOIN played_tracks p ON p.id = l.played_track_id"
                    + " WHERE l.session_id = ?", room.a, 1));

            assertAck(ask(room.a1, like("REMOVE_LIKE", room.a, room.clientA1, track("Artist A", "Track A"))));
            assertEquals(List.of("0"), awaitRowsEqual("SELECT count(*)::text FROM likes WHERE session_id = ?", room.a, "0"));
            assertAck(ask(room.a1, like("SEND_LIKE", room.a, room.clientA1, track("Artist A", "Track A"))));
            assertEquals(List.of("1"), awaitRowsEqual("SELECT count(*)::text FROM likes WHERE session_id = ?", room.a, "1"));

            // Without a sessionId the like goes to the session the dancer follows.
            room.quiet();
            assertAck(ask(room.a2, Json.createObjectBuilder().add("type", "SEND_LIKE")
                    .add("payload", Json.createObjectBuilder().add("track", track("Artist A", "Track A")))));
            room.a1.await("LIKE_RECEIVED", WAIT);
            room.nothingIn(room.b, "LIKE_RECEIVED");

            // A like for a track not written yet is linked once it is played.
            assertAck(ask(room.a1, like("SEND_LIKE", room.a, room.clientA1, track("Artist A", "Next Track"))));
            Waits.broadcastInterval();
            room.djA.play(room.a, "Artist A", "Next Track");
            assertEquals(List.of("Next Track"), awaitRows("SELECT p.title FROM likes l JOIN played_tracks p ON p.id = l.played_track_id"
                    + " WHERE l.session_id = ? AND p.title = 'Next Track'", room.a, 1));
        }
    }

    @Test
    void likesAreRateLimitedAndBulkLikesToo() {
        try (Room room = new Room()) {
            String client = Dancer.newClientId();
            try (WsClient phone = Dancer.following(room.a, client)) {
                for (int i = 0; i < 10; i++) {
                    assertAck(ask(phone, like("SEND_LIKE", room.a, client, track("Artist", "Song " + i))));
                }
                assertNack("Rate limit exceeded (max 10/min)", ask(phone, like("SEND_LIKE", room.a, client, track("Artist", "Song 10"))));
            }

            String bulkClient = Dancer.newClientId();
            try (WsClient phone = Dancer.following(room.a, bulkClient)) {
                room.quiet();
                JsonArrayBuilder three = Json.createArrayBuilder();
                for (int i = 0; i < 3; i++) {
                    three.add(track("Bulk Artist", "Bulk " + i));
                }
                assertAck(ask(phone, Json.createObjectBuilder().add("type", "SEND_BULK_LIKE").add("sessionId", room.a)
                        .add("clientId", bulkClient).add("payload", Json.createObjectBuilder().add("tracks", three))));
                assertEquals(3, room.a2.drain("LIKE_RECEIVED", QUIET).size());
                room.nothingIn(room.b, "LIKE_RECEIVED");
                for (int frame = 1; frame < 5; frame++) {
                    assertAck(ask(phone, Json.createObjectBuilder().add("type", "SEND_BULK_LIKE").add("sessionId", room.a)
                            .add("payload", Json.createObjectBuilder().add("tracks", Json.createArrayBuilder().add(track("Bulk", "Again " + frame))))));
                }
                assertNack("Rate limit exceeded (max 5 bulk likes/min)", ask(phone, Json.createObjectBuilder().add("type", "SEND_BULK_LIKE")
                        .add("sessionId", room.a).add("payload", Json.createObjectBuilder().add("tracks", Json.createArrayBuilder().add(track("Bulk", "Late"))))));

                JsonArrayBuilder tooMany = Json.createArrayBuilder();
                for (int i = 0; i < 101; i++) {
                    tooMany.add(track("A", "T" + i));
                }
                JsonObject refused = ask(phone, Json.createObjectBuilder().add("type", "SEND_BULK_LIKE").add("sessionId", room.a)
                        .add("payload", Json.createObjectBuilder().add("tracks", tooMany)));
                assertEquals("NACK", refused.getString("type"));
                assertTrue(refused.getString("error").startsWith("Invalid message: payload.tracks"), refused::toString);
            }

            try (WsClient nobody = WsClient.connect()) {
                assertNack("Client ID required for likes", ask(nobody, Json.createObjectBuilder().add("type", "SEND_LIKE")
                        .add("sessionId", room.a).add("payload", Json.createObjectBuilder().add("track", track("A", "T")))));
            }
        }
    }

    @Test
    void tempoVotesCountOncePerDancerAndClearReallyClears() throws Exception {
        try (Room room = new Room()) {
            assertAck(ask(room.a1, tempo(room.a, "faster")));
            assertTempo(room.a2.await("TEMPO_FEEDBACK", WAIT), 1, 0, 0);
            assertTempo(room.djA.ws.await("TEMPO_FEEDBACK", WAIT), 1, 0, 0);
            assertAck(ask(room.a2, tempo(room.a, "slower")));
            assertTempo(room.a1.await("TEMPO_FEEDBACK", WAIT), 1, 1, 0);
            assertAck(ask(room.a1, tempo(room.a, "slower"))); // a new vote replaces the old one
            assertTempo(room.a2.await("TEMPO_FEEDBACK", WAIT), 0, 2, 0);
            assertAck(ask(room.a1, tempo(room.a, "clear")));
            assertTempo(room.a2.await("TEMPO_FEEDBACK", WAIT), 0, 1, 0);
            room.nothingIn(room.b, "TEMPO_FEEDBACK");

            Waits.broadcastInterval();
            room.djA.play(room.a, "Artist A", "Track A2");
            room.a1.await("TEMPO_RESET", WAIT);
            assertEquals(List.of("Track A 0 1 0"), awaitRows("SELECT track_title || ' ' || faster_count || ' ' || slower_count"
                    + " || ' ' || perfect_count FROM tempo_votes WHERE session_id = ?", room.a, 1));
            assertAck(ask(room.a1, tempo(room.a, "perfect")));
            assertTempo(room.a2.await("TEMPO_FEEDBACK", WAIT), 0, 0, 1);
            assertAck(room.djA.send(Json.createObjectBuilder().add("type", "END_SESSION").add("sessionId", room.a)));
            assertEquals(List.of("Track A 0 1 0", "Track A2 0 0 1"), awaitRows("SELECT track_title || ' ' || faster_count || ' '"
                    + " || slower_count || ' ' || perfect_count FROM tempo_votes WHERE session_id = ? ORDER BY id", room.a, 2));

            try (WsClient nobody = WsClient.connect()) {
                assertNack("Client ID required for tempo requests", ask(nobody, tempo(room.b, "faster")));
            }
            assertNack("Session not found", ask(room.b1, tempo(room.a, "faster")));
            JsonObject bad = ask(room.b1, tempo(room.b, "louder"));
            assertEquals("Invalid message: preference must be faster, slower, perfect or clear", bad.getString("error"));
        }
    }

    @Test
    void pollsRunInTheirSessionWithOneVotePerDancer() throws Exception {
        try (Room room = new Room()) {
            JsonObject started = startPoll(room.djA, room.a, null);
            long pollId = started.getJsonNumber("pollId").longValue();
            for (WsClient ws : List.of(room.a1, room.a2)) {
                JsonObject seen = Protocol.valid(ws.await("POLL_STARTED", WAIT));
                assertEquals(pollId, seen.getJsonNumber("pollId").longValue());
                assertEquals(room.a, seen.getString("sessionId"));
                assertEquals(List.of("Faster", "Same", "Slower"), seen.getJsonArray("options").getValuesAs(s -> ((jakarta.json.JsonString) s).getString()));
            }
            room.nothingIn(room.b, "POLL_STARTED");
            assertEquals(List.of("active"), awaitRows("SELECT status FROM polls WHERE session_id = ?", room.a, 1));

            assertAck(ask(room.a1, vote(pollId, 1, room.clientA1)));
            JsonObject update = Protocol.valid(room.a2.await("POLL_UPDATE", WAIT));
            assertEquals(List.of(0, 1, 0), ints(update, "votes"));
            assertEquals(1, update.getInt("totalVotes"));
            room.djA.ws.await("POLL_UPDATE", WAIT);
            assertAck(ask(room.a1, vote(pollId, 2, room.clientA1))); // already voted: counted once
            assertTrue(room.a2.drain("POLL_UPDATE", QUIET).isEmpty());

            String outsider = Dancer.newClientId();
            try (WsClient other = Dancer.following(room.b, outsider)) {
                JsonObject rejected = rejectedVote(other, vote(pollId, 0, outsider), "Poll belongs to another session");
                assertEquals(List.of(0, 1, 0), ints(rejected, "votes"));
            }
            assertNack("Invalid option index", ask(room.a2, vote(pollId, 3, "client_someone_else_here")));

            // A late joiner (the same dancer on a new connection) sees the counts and its own vote.
            try (WsClient again = Dancer.following(room.a, room.clientA1)) {
                JsonObject late = Protocol.valid(again.await("POLL_STARTED", WAIT));
                assertTrue(late.getBoolean("hasVoted"));
                assertEquals(1, late.getInt("votedOptionIndex"));
                assertEquals(List.of(0, 1, 0), ints(late, "votes"));
                assertFalse(late.containsKey("sessionId"), "the original's late-joiner shape");
            }

            assertNack("Unauthorized end poll", ask(room.a1, Json.createObjectBuilder().add("type", "END_POLL").add("pollId", pollId)));

            // A new poll ends the running one first.
            room.quiet();
            long second = startPoll(room.djA, room.a, null).getJsonNumber("pollId").longValue();
            JsonObject ended = Protocol.valid(room.a1.await("POLL_ENDED", WAIT));
            assertEquals(pollId, ended.getJsonNumber("pollId").longValue());
            assertEquals(1, ended.getInt("winnerIndex"));
            assertEquals(second, room.a1.await("POLL_STARTED", WAIT).getJsonNumber("pollId").longValue());
            assertEquals(List.of(0, 1, 0), ints(rejectedVote(room.a2, vote(pollId, 0, "client_late_voter_01"), "Poll has ended"), "votes"));

            // The desktop cancels without knowing the id.
            assertAck(room.djA.send(Json.createObjectBuilder().add("type", "CANCEL_POLL").add("sessionId", room.a)));
            JsonObject cancelled = room.a1.await("POLL_ENDED", WAIT);
            assertEquals(second, cancelled.getJsonNumber("pollId").longValue());
            assertEquals(-1, cancelled.getInt("winnerIndex"));
            assertEquals(List.of("closed", "closed"), awaitRowsEqual("SELECT status FROM polls WHERE session_id = ? ORDER BY id",
                    room.a, "closed", "closed"));
            assertEquals(List.of(pollId + " " + room.clientA1 + " 1"), awaitRows("SELECT v.poll_id || ' ' || v.client_id || ' ' ||"
                    + " v.option_index FROM poll_votes v JOIN polls p ON p.id = v.poll_id WHERE p.session_id = ?", room.a, 1));
            assertNack("Poll not found", room.djA.send(Json.createObjectBuilder().add("type", "CANCEL_POLL").add("sessionId", room.a)));
        }
    }

    @Test
    void reactionsStayInTheRoomAndCannotFloodIt() {
        try (Room room = new Room()) {
            assertAck(ask(room.a1, reaction(room.a)));
            assertEquals(room.a, Protocol.valid(room.djA.ws.await("REACTION_RECEIVED", WAIT)).getString("sessionId"));
            room.a2.await("REACTION_RECEIVED", WAIT);
            room.nothingIn(room.b, "REACTION_RECEIVED");
            for (int i = 1; i < 10; i++) {
                assertAck(ask(room.a1, reaction(room.a)));
            }
            JsonObject flood = ask(room.a1, reaction(room.a));
            assertEquals("NACK", flood.getString("type"));
            assertTrue(flood.getString("error").startsWith("Rate limit exceeded"), flood::toString);
        }
    }

    @Test
    void announcementsReachTheSessionAndLateJoinersUntilCancelled() {
        try (Room room = new Room()) {
            assertNack("Unauthorized announcement", ask(room.a1, announcement(room.a, "Not the DJ", null)));
            assertAck(room.djA.send(announcement(room.a, "Last dance at midnight", null).add("push", false)));
            JsonObject heard = Protocol.valid(room.a1.await("ANNOUNCEMENT_RECEIVED", WAIT));
            assertEquals("Last dance at midnight", heard.getString("message"));
            assertEquals(room.djA.displayName, heard.getString("djName"));
            assertFalse(heard.containsKey("endsAt"));
            room.nothingIn(room.b, "ANNOUNCEMENT_RECEIVED");
            try (WsClient late = Dancer.following(room.a)) {
                assertEquals("Last dance at midnight", late.await("ANNOUNCEMENT_RECEIVED", WAIT).getString("message"));
            }
            assertAck(room.djA.send(Json.createObjectBuilder().add("type", "CANCEL_ANNOUNCEMENT").add("sessionId", room.a)));
            assertEquals(room.a, room.a2.await("ANNOUNCEMENT_CANCELLED", WAIT).getString("sessionId"));
            try (WsClient late = Dancer.following(room.a)) {
                assertTrue(late.drain("ANNOUNCEMENT_RECEIVED", QUIET).isEmpty());
                late.send("{\"type\":\"GET_SESSIONS\"}");
                assertFalse(late.await("SESSIONS_LIST", WAIT).toString().contains("null"), "never a null in the list");
            }
            JsonObject tooLong = ask(room.djA.ws, announcement(room.a, "x".repeat(201), null));
            assertEquals("Invalid message: message size must be between 0 and 200", tooLong.getString("error"));
        }
    }

    /** The server closes a timed poll and takes an announcement down at their end (30 s and 60 s, the shortest allowed). */
    @Tag("container-neutral") // timers, not frames: a minute of waiting the standard-container run need not repeat
    @Test
    void timedPollsCloseAndAnnouncementsExpireOnTheirOwn() throws Exception {
        try (Room room = new Room()) {
            long pollId = startPoll(room.djA, room.a, 30).getJsonNumber("pollId").longValue();
            assertAck(room.djA.send(announcement(room.a, "Workshop at 3", 60)));
            JsonObject announced = room.a1.await("ANNOUNCEMENT_RECEIVED", WAIT);
            assertTrue(announced.getString("endsAt").endsWith("Z"));
            assertAck(ask(room.a1, vote(pollId, 0, room.clientA1)));

            JsonObject closed = room.a2.await("POLL_ENDED", Duration.ofSeconds(40));
            assertEquals(pollId, closed.getJsonNumber("pollId").longValue());
            assertEquals(0, closed.getInt("winnerIndex"));
            assertEquals(List.of(1, 0, 0), ints(closed, "results"));
            room.djA.ws.await("POLL_ENDED", WAIT); // the DJ hears the timer too
            assertEquals(List.of("closed"), awaitRowsEqual("SELECT status FROM polls WHERE id = " + pollId + " AND session_id = ?",
                    room.a, "closed"));
            assertNack("Poll has ended", ask(room.a2, vote(pollId, 1, "client_too_late_01")));

            assertEquals(room.a, room.a2.await("ANNOUNCEMENT_CANCELLED", Duration.ofSeconds(40)).getString("sessionId"));
            try (WsClient late = Dancer.following(room.a)) {
                assertTrue(late.drain(QUIET).stream().noneMatch(m -> m.getString("type").startsWith("ANNOUNCEMENT")
                        || m.getString("type").startsWith("POLL")), "nothing over is replayed");
            }
        }
    }

    // ---- helpers

    private static JsonObject startPoll(LiveDj dj, String sessionId, Integer duration) {
        JsonObjectBuilder poll = Json.createObjectBuilder().add("type", "START_POLL").add("sessionId", sessionId)
                .add("question", "How is the tempo?").add("options", Json.createArrayBuilder().add("Faster").add("Same").add("Slower"));
        if (duration != null) {
            poll.add("durationSeconds", duration);
        }
        String messageId = LiveDj.messageId();
        dj.ws.send(poll.add("messageId", messageId).build().toString());
        JsonObject started = Protocol.valid(dj.ws.await("POLL_STARTED", WAIT));
        assertAck(dj.ws.awaitMatching(m -> messageId.equals(m.getString("messageId", null)), WAIT, "ACK"));
        return started;
    }

    /** A vote that does not count: VOTE_REJECTED (with the counts), then the NACK. */
    private static JsonObject rejectedVote(WsClient ws, JsonObjectBuilder vote, String reason) {
        String messageId = LiveDj.messageId();
        ws.send(vote.add("messageId", messageId).build().toString());
        JsonObject rejected = Protocol.valid(ws.await("VOTE_REJECTED", WAIT));
        assertEquals(reason, rejected.getString("reason"));
        assertNack(reason, ws.awaitMatching(m -> messageId.equals(m.getString("messageId", null)), WAIT, "NACK"));
        return rejected;
    }

    private static JsonObjectBuilder vote(long pollId, int option, String clientId) {
        return Json.createObjectBuilder().add("type", "VOTE_ON_POLL").add("pollId", pollId).add("optionIndex", option)
                .add("clientId", clientId);
    }

    private static JsonObjectBuilder tempo(String sessionId, String preference) {
        return Json.createObjectBuilder().add("type", "SEND_TEMPO_REQUEST").add("sessionId", sessionId).add("preference", preference);
    }

    private static JsonObjectBuilder reaction(String sessionId) {
        return Json.createObjectBuilder().add("type", "SEND_REACTION").add("sessionId", sessionId).add("reaction", "thank_you");
    }

    private static JsonObjectBuilder announcement(String sessionId, String message, Integer duration) {
        JsonObjectBuilder builder = Json.createObjectBuilder().add("type", "SEND_ANNOUNCEMENT").add("sessionId", sessionId)
                .add("message", message);
        return duration == null ? builder : builder.add("durationSeconds", duration);
    }

    private static void assertTempo(JsonObject feedback, int faster, int slower, int perfect) {
        Protocol.valid(feedback);
        assertEquals(List.of(faster, slower, perfect, faster + slower + perfect),
                List.of(feedback.getInt("faster"), feedback.getInt("slower"), feedback.getInt("perfect"), feedback.getInt("total")),
                feedback::toString);
    }

    private static List<Integer> ints(JsonObject message, String field) {
        return message.getJsonArray(field).getValuesAs(jakarta.json.JsonNumber.class).stream().map(jakarta.json.JsonNumber::intValue).toList();
    }

    /** Waits until the query returns exactly these rows (a write that changes rows lands a moment later). */
    private static List<String> awaitRowsEqual(String sql, String sessionId, String... expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<String> rows;
        do {
            rows = awaitRows(sql, sessionId, 0);
            if (rows.equals(List.of(expected))) {
                return rows;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        return rows;
    }
}
