package stream.pika.it;

import org.junit.jupiter.api.Test;
import stream.pika.payara.MicroServer;

import java.nio.file.Files;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Without a reachable database the server does not pretend to run: it says why and exits. */
class StartupRefusalIT {

    @Test
    void refusesToStartWhenTheDatabaseIsUnreachable() throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:" + TestServer.freePort() + "/pika";
        try (MicroServer micro = TestServer.micro("unreachable-database")
                .env("PIKA_DB_URL", url)
                .env("PIKA_DB_STARTUP_WAIT", "PT2S")
                .start()) {
            int status = micro.awaitExit(Duration.ofSeconds(120));
            String log = Files.readString(micro.log());
            assertEquals(3, status, "exit status; log: " + micro.log());
            assertTrue(log.contains("Pika! cannot start: the database at " + url + " is unreachable"), "reason in the log");
            assertTrue(log.contains("Set PIKA_DB_URL, PIKA_DB_USER and PIKA_DB_PASSWORD to a reachable PostgreSQL"));
        }
    }

    /**
     * Finding 5e: a deployment that failed left Micro running and "ready", serving 404s for ever.
     * A setting of the wrong type fails the deployment (CDI validation); the process now exits
     * with status 3 and says why, as a plain {@code java -jar payara-micro.jar --deploy} start.
     */
    @Test
    void aFailedDeploymentEndsTheProcess() throws Exception {
        TestServer.postgres().recreate("pika_it_failed_deployment");
        try (MicroServer micro = TestServer.micro("failed-deployment")
                .env(TestServer.databaseEnv("pika_it_failed_deployment"))
                .env("PIKA_LIVE_MAX_SESSIONS", "lots")
                .start()) {
            int status = micro.awaitExit(Duration.ofSeconds(120));
            String log = Files.readString(micro.log());
            assertEquals(3, status, "exit status; log: " + micro.log());
            assertTrue(log.contains("Pika! cannot start: the deployment failed"), "reason in the log");
        }
    }
}
