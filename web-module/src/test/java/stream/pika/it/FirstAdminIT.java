package stream.pika.it;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14, item 4: {@code PIKA_ADMIN_EMAIL} and {@code PIKA_ADMIN_PASSWORD} create the first admin
 * at start; a restart keeps it as it is (its password is never reset) and makes it an active admin
 * again if it was not.
 */
@ExtendWith(TestServer.class)
@Order(1) // restarts the shared server: early, so the other classes' connections see one server
class FirstAdminIT {

    private static final String NEW_PASSWORD = "a password the admin chose later";

    @Test
    void theFirstAdminIsCreatedOnceAndNeverReset() throws Exception {
        Api api = Api.newClient();
        Api.Reply login = api.post("/api/auth/login", credentials(TestServer.ADMIN_PASSWORD));
        assertEquals(200, login.status(), "the first admin signs in: " + login);
        long id = login.json().getJsonObject("user").getJsonNumber("id").longValue();
        assertEquals(List.of("admin|active"), standing(id));
        assertEquals(List.of("1"), query("SELECT count(*)::text FROM users WHERE email = ?", TestServer.ADMIN_EMAIL));

        // The admin changes its password; someone also took its role away and suspended it.
        update("UPDATE users SET password_hash = ?, status = 'suspended' WHERE id = " + id, MigrationIT.pbkdf2(NEW_PASSWORD));
        update("DELETE FROM user_roles WHERE user_id = " + id + " AND ?::text IS NOT NULL", "x");
        TestServer.restart();

        assertEquals(List.of("1"), query("SELECT count(*)::text FROM users WHERE email = ?", TestServer.ADMIN_EMAIL),
                "still one account");
        assertEquals(List.of("admin|active"), standing(id), "made an active admin again");
        Api again = Api.newClient();
        assertEquals(401, again.post("/api/auth/login", credentials(TestServer.ADMIN_PASSWORD)).status(),
                "the configured password was not set again");
        assertEquals(200, again.post("/api/auth/login", credentials(NEW_PASSWORD)).status(), "the admin's own password stands");
        String log = Files.readString(TestServer.server().log());
        assertTrue(log.contains("First admin: account " + id + " (" + TestServer.ADMIN_EMAIL + ") is an active admin now"), "says what it did");
        // The other classes sign in as the first admin with the configured password.
        update("UPDATE users SET password_hash = ? WHERE id = " + id, MigrationIT.pbkdf2(TestServer.ADMIN_PASSWORD));
    }

    private static String credentials(String password) {
        return "{\"email\":\"" + TestServer.ADMIN_EMAIL + "\",\"password\":\"" + password + "\"}";
    }

    private static List<String> standing(long id) throws SQLException {
        return query("SELECT r.role || '|' || u.status FROM users u JOIN user_roles r ON r.user_id = u.id WHERE u.id = "
                + id + " AND ?::text IS NOT NULL ORDER BY r.role", "x");
    }

    private static List<String> query(String sql, String parameter) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection db = TestServer.postgres().connect(TestServer.DATABASE);
             PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet found = statement.executeQuery()) {
                while (found.next()) {
                    rows.add(found.getString(1));
                }
            }
        }
        return rows;
    }

    private static void update(String sql, String parameter) throws SQLException {
        try (Connection db = TestServer.postgres().connect(TestServer.DATABASE);
             PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, parameter);
            statement.executeUpdate();
        }
    }
}
