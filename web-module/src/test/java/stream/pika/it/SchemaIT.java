package stream.pika.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The schema Flyway created at the shared server's start (on an empty database), its constraints,
 * and a restart that leaves it untouched.
 */
@ExtendWith(TestServer.class)
@Order(1) // restarts the shared server: first, so the other classes' connections see one server
class SchemaIT {

    private static final List<String> TABLES = List.of("users", "user_tokens", "sessions", "played_tracks", "likes",
            "tempo_votes", "polls", "poll_votes", "session_events", "push_subscriptions", "installation", "user_roles",
            "organizer_applications", "shadow_bans", "audit_log",
            "events", "stages", "stage_subscriptions", "schedule_slots", "calendar_tokens");
    private static final String CHECK = "23514";
    private static final String UNIQUE = "23505";
    private static final String FOREIGN_KEY = "23503";

    private static String session;
    private static long playedTrack;
    private static long poll;

    @BeforeAll
    static void aSessionWithATrackAndAPoll() throws SQLException {
        session = "schema_it_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection db = db(); Statement sql = db.createStatement()) {
            sql.execute("INSERT INTO users (email, password_hash, display_name, slug) VALUES ('"
                    + session + "@example.com', 'hash', 'DJ " + session + "', '" + session.replace('_', '-') + "')");
            sql.execute("INSERT INTO sessions (id, dj_name) VALUES ('" + session + "', 'DJ Schema')");
            playedTrack = id(sql, "INSERT INTO played_tracks (session_id, artist, title, bpm, energy) VALUES ('"
                    + session + "', 'Artist', 'Title', 40, 100) RETURNING id");
            poll = id(sql, "INSERT INTO polls (session_id, question, options) VALUES ('"
                    + session + "', 'Next?', '[\"Blues\",\"Pop\"]') RETURNING id");
            sql.execute("INSERT INTO likes (session_id, client_id, played_track_id) VALUES ('" + session + "', 'client_a', " + playedTrack + ")");
            sql.execute("INSERT INTO poll_votes (poll_id, client_id, option_index) VALUES (" + poll + ", 'client_a', 1)");
        }
    }

    /** The database names itself once; the installation table holds exactly one row. */
    @Test
    void theDatabaseHasOneInstallationId() throws SQLException {
        try (Connection db = db(); Statement sql = db.createStatement()) {
            assertEquals(1, rows(sql, "SELECT id::text FROM installation").size());
            SQLException second = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                    () -> sql.execute("INSERT INTO installation DEFAULT VALUES"));
            assertEquals(UNIQUE, second.getSQLState());
        }
    }

    @Test
    void migrationsAppliedToTheEmptyDatabase() throws SQLException {
        try (Connection db = db(); Statement sql = db.createStatement()) {
            List<String> history = rows(sql, "SELECT version || ':' || success FROM flyway_schema_history ORDER BY installed_rank");
            assertEquals(java.util.stream.IntStream.rangeClosed(1, latestMigration()).mapToObj(v -> v + ":true").toList(), history);
            List<String> tables = rows(sql, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
            assertTrue(tables.containsAll(TABLES), tables::toString);
        }
    }

    @Test
    void valueRangesAreChecked() {
        violates(CHECK, "INSERT INTO played_tracks (session_id, artist, title, bpm) VALUES ('" + session + "', 'A', 'T', 39)");
        violates(CHECK, "INSERT INTO played_tracks (session_id, artist, title, bpm) VALUES ('" + session + "', 'A', 'T', 301)");
        for (String metric : List.of("energy", "danceability", "brightness", "acousticness", "groove")) {
            violates(CHECK, "INSERT INTO played_tracks (session_id, artist, title, " + metric + ") VALUES ('" + session + "', 'A', 'T', 101)");
            violates(CHECK, "INSERT INTO played_tracks (session_id, artist, title, " + metric + ") VALUES ('" + session + "', 'A', 'T', -1)");
        }
        violates(CHECK, "INSERT INTO poll_votes (poll_id, client_id, option_index) VALUES (" + poll + ", 'client_b', -1)");
        violates(CHECK, "INSERT INTO polls (session_id, question, options) VALUES ('" + session + "', 'Q', '[\"only one\"]')");
        violates(CHECK, "INSERT INTO tempo_votes (session_id, track_artist, track_title, faster_count) VALUES ('" + session + "', 'A', 'T', -1)");
        violates(CHECK, "INSERT INTO sessions (id, dj_name) VALUES ('short', 'DJ')");
        violates(CHECK, "INSERT INTO users (email, password_hash, display_name, slug) VALUES ('Upper@Example.com', 'h', 'Name', 'name-x')");
        violates(CHECK, "INSERT INTO user_tokens (user_id, token_hash) SELECT id, 'pk_dj_raw_token' FROM users WHERE email = '" + session + "@example.com'");
    }

    @Test
    void oneLikeOneVoteOneRunningPoll() {
        violates(UNIQUE, "INSERT INTO likes (session_id, client_id, played_track_id) VALUES ('" + session + "', 'client_a', " + playedTrack + ")");
        violates(UNIQUE, "INSERT INTO poll_votes (poll_id, client_id, option_index) VALUES (" + poll + ", 'client_a', 0)");
        violates(UNIQUE, "INSERT INTO polls (session_id, question, options) VALUES ('" + session + "', 'Another?', '[\"a\",\"b\"]')");
    }

    @Test
    void referencesMustExist() {
        violates(FOREIGN_KEY, "INSERT INTO likes (session_id, client_id, played_track_id) VALUES ('" + session + "', 'client_c', -42)");
        violates(FOREIGN_KEY, "INSERT INTO played_tracks (session_id, artist, title) VALUES ('no_such_session', 'A', 'T')");
        violates(FOREIGN_KEY, "INSERT INTO user_tokens (user_id, token_hash) VALUES (-1, '" + "a".repeat(64) + "')");
    }

    @Test
    void restartLeavesTheSchemaAsItIs() throws Exception {
        String before;
        try (Connection db = db(); Statement sql = db.createStatement()) {
            before = String.join("\n", rows(sql, "SELECT installed_rank || '|' || version || '|' || checksum || '|' || installed_on"
                    + " FROM flyway_schema_history ORDER BY installed_rank")) + "\n" + schemaShape(sql);
        }
        TestServer.restart();
        try (Connection db = db(); Statement sql = db.createStatement()) {
            String after = String.join("\n", rows(sql, "SELECT installed_rank || '|' || version || '|' || checksum || '|' || installed_on"
                    + " FROM flyway_schema_history ORDER BY installed_rank")) + "\n" + schemaShape(sql);
            assertEquals(before, after);
        }
        String log = Files.readString(TestServer.server().log());
        assertTrue(log.contains("Database schema at version " + latestMigration() + " (0 migration(s) applied now)"),
                "restart log says nothing was migrated");
        assertEquals(200, Api.newClient().get("/health").status());
    }

    private static String schemaShape(Statement sql) throws SQLException {
        return String.join("\n", rows(sql, "SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)"
                + " FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1"))
                + String.join("\n", rows(sql, "SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname"));
    }

    private static void violates(String sqlState, String statement) {
        SQLException failure = assertThrows(SQLException.class, () -> {
            try (Connection db = db(); Statement sql = db.createStatement()) {
                db.setAutoCommit(false);
                try {
                    sql.execute(statement);
                } finally {
                    db.rollback();
                }
            }
        }, statement);
        assertEquals(sqlState, failure.getSQLState(), failure.getMessage());
    }

    private static Connection db() throws SQLException {
        return TestServer.postgres().connect(TestServer.DATABASE);
    }

    private static long id(Statement sql, String insert) throws SQLException {
        try (ResultSet row = sql.executeQuery(insert)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static List<String> rows(Statement sql, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    /** The newest migration's version, from the migration files themselves (a new migration needs no test edit). */
    static int latestMigration() {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("../ejb-module/src/main/resources/db/migration"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
