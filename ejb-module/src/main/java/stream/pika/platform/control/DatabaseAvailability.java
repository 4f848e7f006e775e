package stream.pika.platform.control;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.DatasourceLogin;
import org.eclipse.persistence.sessions.JNDIConnector;
import org.eclipse.persistence.sessions.Session;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs while Payara deploys the persistence unit, which is the first moment the application
 * touches PostgreSQL: waits for it ({@code pika.db.startup-wait}, default 20 s, as it may still be
 * starting next to us) and otherwise stops the start with a message that says what to fix.
 * It also turns off EclipseLink's own query retries (3 × 5 s by default): during an outage a
 * request should fail at once, and the pool replaces broken connections when the database is back.
 */
public class DatabaseAvailability implements SessionCustomizer {

    private static final Logger LOG = Logger.getLogger(DatabaseAvailability.class.getName());

    @Override
    public void customize(Session session) {
        if (session.getDatasourceLogin() instanceof DatabaseLogin database) {
            database.setQueryRetryAttemptCount(0);
        }
        if (!(session.getDatasourceLogin() instanceof DatasourceLogin login)
                || !(login.getConnector() instanceof JNDIConnector jndi) || jndi.getDataSource() == null) {
            return;
        }
        Config config = ConfigProvider.getConfig();
        String url = config.getOptionalValue("pika.db.url", String.class).orElse(DatabaseSchema.DEFAULT_URL);
        Duration wait = config.getOptionalValue("pika.db.startup-wait", String.class).map(Duration::parse).orElse(Duration.ofSeconds(20));
        awaitDatabase(jndi.getDataSource(), url, wait);
    }

    static void awaitDatabase(DataSource dataSource, String url, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        SQLException last;
        int attempt = 0;
        do {
            attempt++;
            try (Connection connection = dataSource.getConnection()) {
                if (connection.isValid(5)) {
                    if (attempt > 1) {
                        LOG.info(() -> "Database at " + url + " is reachable now");
                    }
                    return;
                }
                last = new SQLException("connection not valid");
            } catch (SQLException e) {
                last = e;
            }
            if (attempt == 1) {
                LOG.log(Level.WARNING, "Database at {0} not reachable yet ({1}); waiting up to {2}",
                        new Object[]{url, StartupFailure.rootMessage(last), wait});
            }
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        } while (System.nanoTime() < deadline);
        throw StartupFailure.fail("the database at " + url + " is unreachable (" + StartupFailure.rootMessage(last)
                + "). Set PIKA_DB_URL, PIKA_DB_USER and PIKA_DB_PASSWORD to a reachable PostgreSQL.", last);
    }
}
