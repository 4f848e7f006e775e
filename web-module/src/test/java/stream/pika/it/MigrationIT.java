package stream.pika.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import stream.pika.identity.control.DjTokenFactory;
import stream.pika.payara.Database;
import stream.pika.payara.MicroServer;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 14, item 1: a database at schema version 2 (DJ accounts only, in {@code dj_users}) with
 * DJs, tokens, sets, plays and likes is migrated by a node starting on it. Every account signs in
 * with its old password, every old token works on REST and in REGISTER_SESSION, every account is
 * an active DJ, and no row is lost.
 */
class MigrationIT {

    private static final String DATABASE = "pika_it_migration";
    private static final int DJS = 3;
    private static MicroServer node;

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    /** One DJ of the old schema: what it knows (password, tokens) and its id there. */
    private record OldDj(long id, String email, String password, List<String> tokens) {
    }

    @Test
    void aVersion2DatabaseOfDjsMigratesWithNothingLost() throws Exception {
        Database postgres = TestServer.postgres();
        postgres.recreate(DATABASE);
        Flyway.configure().dataSource(postgres.jdbcUrl(DATABASE), postgres.user(), postgres.password())
                .locations("classpath:db/migration").target("2").load().migrate();

        List<OldDj> djs = new ArrayList<>();
        Map<String, Long> before;
        try (Connection db = postgres.connect(DATABASE)) {
            for (int i = 0; i < DJS; i++) {
                djs.add(oldDj(db, i));
            }
            before = counts(db);
        }
        assertEquals(DJS, before.get("accounts"));

        node = TwoNodesIT.node("migration", TestServer.freePort(), DATABASE, "redis://127.0.0.1:6379",
                "pika-it-migration-" + System.nanoTime());

        try (Connection db = postgres.connect(DATABASE)) {
            Map<String, Long> after = counts(db);
            assertEquals(before, after, "no account, token, set, play or like lost");
            assertEquals(List.of("4:true"), rows(db, "SELECT version || ':' || success FROM flyway_schema_history WHERE version = '4'"));
            for (OldDj dj : djs) {
                assertEquals(List.of("dj"), rows(db, "SELECT role FROM user_roles WHERE user_id = " + dj.id()), "every old account is a DJ");
                assertEquals(List.of("active"), rows(db, "SELECT status FROM users WHERE id = " + dj.id()), "and active");
            }
        }

        int n = 0;
        for (OldDj dj : djs) {
            Api api = Api.at(node.port(), "198.18.210." + (++n));
            Api.Reply login = api.post("/api/auth/login",
                    Json.createObjectBuilder().add("email", dj.email()).add("password", dj.password()).build().toString());
            assertEquals(200, login.status(), "the old password signs in: " + login);
            assertEquals(dj.id(), login.json().getJsonObject("user").getJsonNumber("id").longValue());
            for (String token : dj.tokens()) {
                Api.Reply me = api.get("/api/auth/me", "Authorization", "Bearer " + token);
                assertEquals(200, me.status(), "an old token works on REST: " + me);
                assertEquals(dj.email(), me.json().getJsonObject("user").getString("email"));
                try (WsClient ws = WsClient.connect(node.port(), null)) {
                    String session = LiveDj.newSessionId();
                    ws.send(Json.createObjectBuilder().add("type", "REGISTER_SESSION").add("sessionId", session)
                            .add("djName", "Old Desktop").add("token", token).build().toString());
                    JsonObject registered = ws.await("SESSION_REGISTERED", LiveDj.WAIT);
                    assertEquals(session, registered.getString("sessionId"), "an old token goes live");
                }
            }
        }
    }

    /** A DJ as version 2 stored it: account, two tokens (one used), a set with two plays and a like. */
    private static OldDj oldDj(Connection db, int i) throws SQLException {
        String email = "old-dj-" + i + "-" + System.nanoTime() + "@example.com";
        String password = "old password " + i;
        long id;
        try (PreparedStatement insert = db.prepareStatement(
                "INSERT INTO dj_users (email, password_hash, display_name, slug) VALUES (?, ?, ?, ?) RETURNING id")) {
            insert.setString(1, email);
            insert.setString(2, pbkdf2(password));
            insert.setString(3, "Old DJ " + i);
            insert.setString(4, "old-dj-" + i);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                id = row.getLong(1);
            }
        }
        List<String> tokens = List.of(DjTokenFactory.newToken(), DjTokenFactory.newToken());
        for (int t = 0; t < tokens.size(); t++) {
            try (PreparedStatement insert = db.prepareStatement(
                    "INSERT INTO dj_tokens (dj_user_id, token_hash, last_used) VALUES (?, ?, CASE WHEN ? THEN now() END)")) {
                insert.setLong(1, id);
                insert.setString(2, DjTokenFactory.hash(tokens.get(t)));
                insert.setBoolean(3, t == 0);
                insert.executeUpdate();
            }
        }
        String session = "pika_old_" + i + "_" + System.nanoTime();
        try (Statement sql = db.createStatement()) {
            sql.execute("INSERT INTO sessions (id, dj_user_id, dj_name, started_at, ended_at) VALUES ('" + session + "', " + id
                    + ", 'Old DJ " + i + "', now() - interval '2 hours', now() - interval '1 hour')");
            sql.execute("INSERT INTO played_tracks (session_id, artist, title, bpm) VALUES ('" + session + "', 'Artist', 'One', 100), ('"
                    + session + "', 'Artist', 'Two', 96)");
            sql.execute("INSERT INTO likes (session_id, client_id, played_track_id) SELECT session_id, 'client_old_dancer', id"
                    + " FROM played_tracks WHERE session_id = '" + session + "' AND title = 'One'");
        }
        return new OldDj(id, email, password, tokens);
    }

    /** How Jakarta Security's PBKDF2 stores a hash: algorithm:iterations:salt:hash (Base64). */
    static String pbkdf2(String password) {
        try {
            byte[] salt = new byte[32];
            new SecureRandom().nextBytes(salt);
            int iterations = 10_000;
            byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512")
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 64 * 8)).getEncoded();
            Base64.Encoder base64 = Base64.getEncoder();
            return "PBKDF2WithHmacSHA512:" + iterations + ":" + base64.encodeToString(salt) + ":" + base64.encodeToString(hash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Long> counts(Connection db) throws SQLException {
        boolean migrated = !rows(db, "SELECT 1 FROM information_schema.tables WHERE table_name = 'users'").isEmpty();
        String accounts = migrated ? "users" : "dj_users";
        String tokens = migrated ? "user_tokens" : "dj_tokens";
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("accounts", count(db, "SELECT count(*) FROM " + accounts));
        counts.put("password hashes", count(db, "SELECT count(DISTINCT password_hash) FROM " + accounts));
        counts.put("tokens", count(db, "SELECT count(*) FROM " + tokens));
        counts.put("used tokens", count(db, "SELECT count(*) FROM " + tokens + " WHERE last_used IS NOT NULL"));
        counts.put("sets", count(db, "SELECT count(*) FROM sessions WHERE dj_user_id IS NOT NULL AND ended_at IS NOT NULL"));
        counts.put("plays", count(db, "SELECT count(*) FROM played_tracks"));
        counts.put("likes", count(db, "SELECT count(*) FROM likes"));
        return counts;
    }

    private static long count(Connection db, String query) throws SQLException {
        return Long.parseLong(rows(db, query).get(0));
    }

    private static List<String> rows(Connection db, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement sql = db.createStatement(); ResultSet found = sql.executeQuery(query)) {
            while (found.next()) {
                rows.add(found.getString(1));
            }
        }
        return rows;
    }
}
