package stream.pika.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import stream.pika.payara.MicroServer;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static stream.pika.it.InteractionsIT.ask;
import static stream.pika.it.InteractionsIT.assertAck;
import static stream.pika.it.InteractionsIT.like;
import static stream.pika.it.InteractionsIT.track;

/**
 * Redis stops mid-set and comes back (issue 6), on a Redis of this test's own (another port),
 * with two nodes: meanwhile the DJ's node goes on serving its own dancers without ever making the
 * DJ wait, played tracks and likes still reach PostgreSQL, the degradation is logged once; when
 * Redis returns both nodes resume without a restart and the set reaches both again.
 */
class RedisOutageIT {

    private static final String DATABASE = "pika_it_outage_redis";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration QUIET = Duration.ofMillis(700);
    private static int redisPort;
    private static Process redis;
    private static MicroServer one;
    private static MicroServer two;

    @BeforeAll
    static void start() throws Exception {
        TestServer.postgres().recreate(DATABASE);
        redisPort = TestServer.freePort();
        redis = startRedis();
        String url = "redis://127.0.0.1:" + redisPort;
        CompletableFuture<MicroServer> first = CompletableFuture.supplyAsync(() -> TwoNodesIT.node("outage-one", TestServer.freePort(), DATABASE, url, "pika"));
        CompletableFuture<MicroServer> second = CompletableFuture.supplyAsync(() -> TwoNodesIT.node("outage-two", TestServer.freePort(), DATABASE, url, "pika"));
        one = first.join();
        two = second.join();
    }

    @AfterAll
    static void stop() {
        for (MicroServer node : new MicroServer[]{one, two}) {
            if (node != null) {
                node.close();
            }
        }
        if (redis != null) {
            redis.destroy();
        }
    }

    @Test
    void theSetGoesOnWhileRedisIsAwayAndBothNodesResumeWhenItIsBack() throws Exception {
        try (LiveDj dj = TwoNodesIT.dj(one)) {
            String session = LiveDj.newSessionId();
            dj.register(session);
            assertAck(dj.play(session, "Before", "The Outage"));
            String client = Dancer.newClientId();
            try (WsClient local = TwoNodesIT.follow(one, session, client); WsClient remote = TwoNodesIT.follow(two, session)) {
                local.await("NOW_PLAYING", WAIT);
                remote.await("NOW_PLAYING", WAIT);
                assertAck(dj.send(Json.createObjectBuilder().add("type", "START_POLL").add("sessionId", session)
                        .add("question", "Next?").add("options", Json.createArrayBuilder().add("Blues").add("Swing"))));
                long pollId = local.await("POLL_STARTED", WAIT).getJsonNumber("pollId").longValue();

                redis.destroy();
                assertTrue(redis.waitFor(10, TimeUnit.SECONDS));
                Waits.pause(Duration.ofMillis(300));

                long slowest = 0;
                for (String title : new String[]{"During One", "During Two", "During Three"}) {
                    long started = System.nanoTime();
                    JsonObject answer = dj.play(session, "Meanwhile", title);
                    slowest = Math.max(slowest, Duration.ofNanos(System.nanoTime() - started).toMillis());
                    assertAck(answer);
                    assertEquals(title, local.await("NOW_PLAYING", WAIT).getJsonObject("track").getString("title"));
                    Waits.pause(Duration.ofMillis(250));
                }
                System.out.println("Redis down: slowest BROADCAST_TRACK answer " + slowest + " ms");
                assertTrue(slowest < 2_000, "the DJ never waits long for Redis: " + slowest + " ms");
                assertAck(ask(local, like("SEND_LIKE", session, client, track("Meanwhile", "During Three"))));
                // The poll started before the outage is still votable on the node's memory ...
                assertAck(ask(local, Json.createObjectBuilder().add("type", "VOTE_ON_POLL").add("pollId", pollId)
                        .add("optionIndex", 1).add("clientId", client)));
                assertEquals(1, dj.ws.await("POLL_UPDATE", WAIT).getJsonArray("votes").getInt(1));
                WsClient meanwhile = TwoNodesIT.follow(one, session);

                assertEquals(3, count("SELECT count(*) FROM played_tracks WHERE session_id = ? AND artist = 'Meanwhile'", session, 3),
                        "plays reach PostgreSQL without Redis");
                assertEquals(1, count("SELECT count(*) FROM likes WHERE session_id = ?", session, 1), "likes too");
                assertEquals("unavailable", Api.at(one.port()).get("/health").json().getString("redis"));

                redis = startRedis();
                awaitRedisBack(one);
                awaitRedisBack(two);
                // The restarted Redis lost every listener entry: each node writes its own dancers back
                // (two before the outage, one who came meanwhile).
                // (Within 30 s: in a full build's load the reconnect and the next count round take longer than alone.)
                local.awaitMatching(m -> "LISTENER_COUNT".equals(m.getString("type")) && m.getInt("count") == 3, Duration.ofSeconds(30),
                        "the dancers of both nodes counted again after Redis came back empty");
                meanwhile.close();
                Waits.pause(Duration.ofSeconds(1));
                remote.drain(QUIET);
                assertAck(dj.play(session, "After", "The Outage"));
                assertEquals("The Outage", local.await("NOW_PLAYING", WAIT).getJsonObject("track").getString("title"));
                JsonObject overThere = remote.awaitMatching(m -> "NOW_PLAYING".equals(m.getString("type"))
                        && "After".equals(m.getJsonObject("track").getString("artist")), WAIT, "the set on node two again");
                assertEquals("The Outage", overThere.getJsonObject("track").getString("title"));
                try (WsClient late = TwoNodesIT.follow(two, session)) {
                    assertEquals("After", late.await("NOW_PLAYING", WAIT).getJsonObject("track").getString("artist"),
                            "the set written back to Redis: a late joiner on the other node gets it");
                    // ... and the vote is replayed on Redis when it is back.
                    JsonObject poll;
                    try {
                        poll = late.await("POLL_STARTED", WAIT);
                    } catch (AssertionError e) {
                        throw new AssertionError(e.getMessage() + "; what the nodes logged about Redis:\n" + redisLines(one) + redisLines(two), e);
                    }
                    assertEquals(pollId, poll.getJsonNumber("pollId").longValue());
                    assertEquals(1, poll.getInt("totalVotes"), poll::toString);
                    assertEquals(1, poll.getJsonArray("votes").getInt(1), poll::toString);
                }
            }
        }
        // Each node says so once, not per message. A node whose failed calls were all "busy moment"
        // ones (the client reconnecting) may ride out a short outage on its memory without calling it
        // one; at least one node does, and a node that did also says when Redis is back.
        int declared = 0;
        for (MicroServer node : new MicroServer[]{one, two}) {
            String log = Files.readString(node.log());
            int outages = log.split("Redis unavailable", -1).length - 1;
            assertTrue(outages <= 1, "the degradation is logged once per node, not per message: " + outages);
            if (outages == 1) {
                assertTrue(log.contains("Redis is back"), "a node that declared the outage declares its end");
            }
            declared += outages;
        }
        assertTrue(declared >= 1, "the outage is logged");
    }

    private static Process startRedis() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("redis-server", "--port", String.valueOf(redisPort), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no")
                .redirectErrorStream(true).redirectOutput(TestServer.itDirectory().resolve("outage-redis.log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            Process ping = new ProcessBuilder("redis-cli", "-p", String.valueOf(redisPort), "ping").start();
            if (ping.waitFor(2, TimeUnit.SECONDS) && new String(ping.getInputStream().readAllBytes()).contains("PONG")) {
                return process;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("redis-server on port " + redisPort + " did not start");
    }

    private static String redisLines(MicroServer node) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (String line : Files.readAllLines(node.log())) {
            if (line.contains("Redis")) {
                lines.append(node.port()).append(": ").append(line).append('\n');
            }
        }
        return lines.toString();
    }

    private static void awaitRedisBack(MicroServer node) {
        Waits.until(() -> "connected".equals(Api.at(node.port()).get("/health").json().getString("redis", "")),
                Duration.ofSeconds(15), "node on port " + node.port() + " sees Redis again");
    }

    private static int count(String sql, String sessionId, int expected) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        int found;
        do {
            try (Connection db = TestServer.postgres().connect(DATABASE); PreparedStatement query = db.prepareStatement(sql)) {
                query.setString(1, sessionId);
                try (ResultSet result = query.executeQuery()) {
                    result.next();
                    found = result.getInt(1);
                }
            }
            if (found >= expected) {
                return found;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        return found;
    }
}
