package stream.pika.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static stream.pika.it.InteractionsIT.ask;
import static stream.pika.it.InteractionsIT.assertAck;
import static stream.pika.it.InteractionsIT.like;
import static stream.pika.it.InteractionsIT.track;

/**
 * Issue 14, item 7: a shadow-banned dancer's likes, bulk likes, reactions, tempo votes and poll
 * votes get their ACK and reach nobody, count nowhere and are stored nowhere; the ban takes hold
 * within a second on connections already open; a shadow-banned DJ is closed as a bad token is.
 */
@ExtendWith(TestServer.class)
class ShadowBanIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration QUIET = Duration.ofMillis(700);
    /** The bound: a ban holds on every node within a second. */
    private static final Duration TAKES_HOLD = Duration.ofSeconds(1);

    @Test
    void aShadowBannedDancerIsAnsweredButReachesNobody() throws Exception {
        Api admin = Api.newClient();
        String adminToken = Admins.firstAdminToken(admin);
        try (LiveDj dj = LiveDj.signUp().connect()) {
            String session = LiveDj.newSessionId();
            dj.register(session);
            assertAck(dj.play(session, "Etta James", "At Last"));
            String bannedClient = Dancer.newClientId();
            String otherClient = Dancer.newClientId();
            try (WsClient banned = Dancer.following(session, bannedClient); WsClient other = Dancer.following(session, otherClient)) {
                Api.Reply ban = admin.post("/api/admin/shadow-bans",
                        "{\"clientId\":\"" + bannedClient + "\",\"reason\":\"Floods the DJ with likes\"}", Admins.bearer(adminToken));
                assertEquals(201, ban.status(), ban::toString);
                long banId = ban.json().getJsonObject("shadowBan").getJsonNumber("id").longValue();
                Waits.pause(TAKES_HOLD);

                assertAck(ask(banned, like("SEND_LIKE", session, bannedClient, track("Etta James", "At Last"))));
                assertAck(ask(banned, Json.createObjectBuilder().add("type", "SEND_BULK_LIKE").add("sessionId", session)
                        .add("clientId", bannedClient).add("payload", Json.createObjectBuilder()
                                .add("tracks", Json.createArrayBuilder().add(track("Offline", "One")).add(track("Offline", "Two"))))));
                assertAck(ask(banned, Json.createObjectBuilder().add("type", "SEND_REACTION").add("sessionId", session)
                        .add("reaction", "thank_you")));
                assertAck(ask(banned, Json.createObjectBuilder().add("type", "SEND_TEMPO_REQUEST").add("sessionId", session)
                        .add("preference", "faster")));
                long pollId = startPoll(dj, session, other, banned);
                assertAck(ask(banned, vote(pollId, 0, bannedClient)));
                for (WsClient listener : List.of(dj.ws, other)) {
                    List<JsonObject> heard = listener.drain(QUIET).stream().filter(m -> List.of("LIKE_RECEIVED", "REACTION_RECEIVED",
                            "TEMPO_FEEDBACK", "POLL_UPDATE").contains(m.getString("type"))).toList();
                    assertEquals(List.of(), heard, "nothing of the banned dancer reaches anyone");
                }

                // The other dancer is heard as always, and its vote is the only one counted.
                assertAck(ask(other, like("SEND_LIKE", session, otherClient, track("Etta James", "At Last"))));
                dj.ws.await("LIKE_RECEIVED", WAIT);
                assertAck(ask(other, vote(pollId, 1, otherClient)));
                JsonObject update = dj.ws.await("POLL_UPDATE", WAIT);
                assertEquals(1, update.getInt("totalVotes"), update::toString);
                Waits.pause(Duration.ofMillis(500)); // the history is written behind the live path
                assertEquals(0, rows("SELECT count(*) FROM likes WHERE client_id = ?", bannedClient), "no like stored");
                assertEquals(0, rows("SELECT count(*) FROM poll_votes WHERE client_id = ?", bannedClient), "no vote stored");
                assertEquals(1, rows("SELECT count(*) FROM likes WHERE client_id = ?", otherClient));

                Api.Reply lifted = admin.delete("/api/admin/shadow-bans/" + banId, Admins.bearer(adminToken));
                assertEquals(200, lifted.status(), lifted::toString);
                assertEquals(409, admin.delete("/api/admin/shadow-bans/" + banId, Admins.bearer(adminToken)).status(), "lifted already");
                Waits.pause(TAKES_HOLD);
                assertAck(ask(banned, like("SEND_LIKE", session, bannedClient, track("Etta James", "At Last"))));
                dj.ws.await("LIKE_RECEIVED", WAIT);

                JsonObject audit = admin.get("/api/admin/audit?target=" + bannedClient, Admins.bearer(adminToken)).json();
                assertEquals(List.of("shadow_ban.lift", "shadow_ban.create"), audit.getJsonArray("items").getValuesAs(JsonObject.class)
                        .stream().map(row -> row.getString("action")).toList());
                assertEquals("Floods the DJ with likes", audit.getJsonArray("items").getJsonObject(1).getString("reason"));
            }
        }
    }

    @Test
    void aShadowBannedDjIsClosedAsABadTokenAndCannotGoLive() {
        Api admin = Api.newClient();
        String adminToken = Admins.firstAdminToken(admin);
        LiveDj dj = LiveDj.signUp().connect();
        dj.register(LiveDj.newSessionId());
        Api.Reply ban = admin.post("/api/admin/shadow-bans", "{\"userId\":" + dj.accountId + ",\"reason\":\"Fake DJ account\"}",
                Admins.bearer(adminToken));
        assertEquals(201, ban.status(), ban::toString);
        WsClient.Closed closed = dj.ws.awaitClose(TAKES_HOLD.plusSeconds(1));
        assertEquals(4001, closed.code());
        assertEquals("Invalid token", closed.reason());
        AdminIT.assertRefusedLive(dj.token);
        Api.Reply twice = admin.post("/api/admin/shadow-bans", "{\"userId\":" + dj.accountId + ",\"reason\":\"again\"}",
                Admins.bearer(adminToken));
        assertEquals(409, twice.status(), twice::toString);
        Api.Reply both = admin.post("/api/admin/shadow-bans", "{\"userId\":" + dj.accountId + ",\"clientId\":\"x\",\"reason\":\"r\"}",
                Admins.bearer(adminToken));
        assertEquals(400, both.status(), both::toString);
        assertEquals("Give a userId or a clientId, not both", both.error());
        assertEquals(403, admin.post("/api/admin/shadow-bans", "{\"clientId\":\"x\",\"reason\":\"r\"}", Admins.bearer(dj.token)).status(),
                "not for DJs (its token still signs it in: the ban is shadow)");
    }

    private static long startPoll(LiveDj dj, String session, WsClient... dancers) {
        assertAck(dj.send(Json.createObjectBuilder().add("type", "START_POLL").add("sessionId", session)
                .add("question", "Next?").add("options", Json.createArrayBuilder().add("Blues").add("Pop"))));
        long pollId = 0;
        for (WsClient dancer : dancers) {
            pollId = dancer.await("POLL_STARTED", WAIT).getJsonNumber("pollId").longValue();
        }
        return pollId;
    }

    private static JsonObjectBuilder vote(long pollId, int option, String clientId) {
        return Json.createObjectBuilder().add("type", "VOTE_ON_POLL").add("pollId", pollId).add("optionIndex", option).add("clientId", clientId);
    }

    private static long rows(String sql, String parameter) throws Exception {
        try (Connection db = TestServer.postgres().connect(TestServer.DATABASE); PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
