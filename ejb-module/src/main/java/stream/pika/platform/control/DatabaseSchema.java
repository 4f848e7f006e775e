package stream.pika.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.annotation.sql.DataSourceDefinitions;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Brings the PostgreSQL schema up to date before anything else runs. The datasource is defined
 * here from MicroProfile Config (so from {@code PIKA_DB_*} environment variables) so the same WAR
 * runs on Payara Micro with no server setup. Startup beans that use the database depend on this one.
 */
@DataSourceDefinitions({
    @DataSourceDefinition(
            name = DatabaseSchema.DATASOURCE,
            className = "org.postgresql.ds.PGSimpleDataSource",
            url = "${MPCONFIG=pika.db.url:" + DatabaseSchema.DEFAULT_URL + "}",
            user = "${MPCONFIG=pika.db.user:" + DatabaseSchema.DEFAULT_USER + "}",
            password = "${MPCONFIG=pika.db.password:" + DatabaseSchema.DEFAULT_PASSWORD + "}",
            minPoolSize = 1,
            maxPoolSize = DatabaseSchema.MAX_POOL_SIZE,
            properties = {
                    // Strings bound to json/jsonb columns are typed by the server.
                    "stringtype=unspecified",
                    "ApplicationName=pika",
                    "connectTimeout=5",
                    // Payara pool settings: give up on a busy pool after 10 s, replace broken connections.
                    "fish.payara.max-wait-time-in-millis=10000",
                    "fish.payara.is-connection-validation-required=true",
                    "fish.payara.connection-validation-method=custom-validation",
                    "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation",
                    "fish.payara.fail-all-connections=true"
            }),
    // The batch runtime's job repository (runs, steps, checkpoints): in the same database, under a
    // global name the domain's batch-runtime-configuration points at (pre-boot commands on Micro,
    // setup-domain.asadmin on Payara Server), so no server-level pool or driver is needed.
    @DataSourceDefinition(
            name = DatabaseSchema.BATCH_DATASOURCE,
            className = "org.postgresql.ds.PGSimpleDataSource",
            url = "${MPCONFIG=pika.db.url:" + DatabaseSchema.DEFAULT_URL + "}",
            user = "${MPCONFIG=pika.db.user:" + DatabaseSchema.DEFAULT_USER + "}",
            password = "${MPCONFIG=pika.db.password:" + DatabaseSchema.DEFAULT_PASSWORD + "}",
            minPoolSize = 0,
            maxPoolSize = 8,
            properties = {
                    "ApplicationName=pika-batch",
                    "connectTimeout=5",
                    "fish.payara.max-wait-time-in-millis=10000",
                    "fish.payara.is-connection-validation-required=true",
                    "fish.payara.connection-validation-method=custom-validation",
                    "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation",
                    "fish.payara.fail-all-connections=true"
            })
})
@Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN) // set once at start, read by every Redis key
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseSchema {

    /** The most connections one node's pool of the application's database opens. */
    public static final int MAX_POOL_SIZE = 32;

    public static final String DATASOURCE = "java:app/jdbc/pika";
    /** The batch runtime's job repository (see the definition above). */
    public static final String BATCH_DATASOURCE = "java:global/jdbc/pika-batch";
    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/pika";
    static final String DEFAULT_USER = "postgres";
    // PostgreSQL under trust auth ignores it, but the pool wants a password property.
    static final String DEFAULT_PASSWORD = "postgres";

    private static final Logger LOG = Logger.getLogger(DatabaseSchema.class.getName());

    @Resource(lookup = DATASOURCE)
    DataSource dataSource;

    private volatile String installationId;

    /**
     * The id of this database ({@code installation} table), read once at start: whatever this node
     * keeps outside the database (Redis keys, channels) is named with it.
     */
    public String installationId() {
        return installationId;
    }

    private String readInstallationId() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT id::text FROM installation");
             ResultSet row = query.executeQuery()) {
            if (!row.next()) {
                throw StartupFailure.fail("the database has no installation id (table installation is empty)", null);
            }
            return row.getString(1);
        } catch (SQLException e) {
            throw StartupFailure.fail("the installation id could not be read: " + e.getMessage(), e);
        }
    }

    @PostConstruct
    void migrate() {
        try {
            Flyway flyway = Flyway.configure(getClass().getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load();
            MigrateResult result = flyway.migrate();
            MigrationInfo current = flyway.info().current();
            LOG.info(() -> "Database schema at version " + (current == null ? "none" : current.getVersion())
                    + " (" + result.migrationsExecuted + " migration(s) applied now)");
            installationId = readInstallationId();
            LOG.info(() -> "Installation " + installationId);
        } catch (RuntimeException e) {
            throw StartupFailure.fail("the database schema could not be migrated: " + StartupFailure.rootMessage(e), e);
        }
    }
}
