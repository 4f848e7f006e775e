package stream.pika.payara;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * A PostgreSQL server reached through its maintenance database: is it there, and
 * create or re-create an application database on it.
 *
 * @param host     host name or address
 * @param port     TCP port
 * @param user     a user allowed to create databases
 * @param password its password (ignored under trust auth)
 */
public record Database(String host, int port, String user, String password) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    /** SQLState class 08: the server could not be reached at all. */
    private static final String CONNECTION_EXCEPTION_CLASS = "08";

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** Whether a PostgreSQL server answers there; a server that refuses these credentials is an error. */
    public boolean reachable() {
        try (Connection ignored = connect("postgres")) {
            return true;
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith(CONNECTION_EXCEPTION_CLASS)) {
                return false;
            }
            throw new IllegalStateException("PostgreSQL at " + host + ":" + port + " refused user '" + user
                    + "': " + e.getMessage(), e);
        }
    }

    /** Creates the database unless it exists; returns whether it was created. */
    public boolean ensure(String database) {
        requireName(database);
        try (Connection connection = connect("postgres")) {
            try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, database);
                try (ResultSet found = exists.executeQuery()) {
                    if (found.next()) {
                        return false;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + database);
            }
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database + " on " + host + ":" + port
                    + ": " + e.getMessage(), e);
        }
    }

    /** Drops the database (closing its connections) and creates it empty. */
    public void recreate(String database) {
        requireName(database);
        try (Connection connection = connect("postgres"); Statement sql = connection.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            sql.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not re-create database " + database + ": " + e.getMessage(), e);
        }
    }

    public Connection connect(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "3");
        return DriverManager.getConnection(jdbcUrl(database), properties);
    }

    private static void requireName(String database) {
        if (!NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("Not a plain database name: " + database);
        }
    }
}
