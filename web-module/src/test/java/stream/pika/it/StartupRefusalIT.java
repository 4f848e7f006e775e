package stream.pika.it;

import org.junit.jupiter.api.Test;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import stream.pika.it.broken.FailsAtStart;
import stream.pika.payara.MicroServer;

import java.nio.file.Files;
import java.nio.file.Path;
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
     * The real WAR plus a startup bean that throws: the deployment fails, and the process (a
     * plain Micro start, as the launchers run it) exits with status 3 and says why.
     */
    @Test
    void aFailedDeploymentEndsTheProcess() throws Exception {
        Path broken = TestServer.itDirectory().resolve("broken-pika.war");
        ShrinkWrap.createFromZipFile(WebArchive.class, Path.of(System.getProperty("pika.war")).toFile())
                .addClass(FailsAtStart.class)
                .as(ZipExporter.class).exportTo(broken.toFile(), true);
        TestServer.postgres().recreate("pika_it_failed_deployment");
        try (MicroServer micro = MicroServer.builder(Path.of(System.getProperty("pika.micro.jar")), broken)
                .port(TestServer.freePort())
                .logTo(TestServer.itDirectory().resolve("failed-deployment.log"))
                .env(TestServer.databaseEnv("pika_it_failed_deployment"))
                .env("PIKA_STARTUP_TIMEOUT", "PT40S") // when the container's shutdown is not reported at once
                .start()) {
            int status = micro.awaitExit(Duration.ofSeconds(120));
            String log = Files.readString(micro.log());
            assertEquals(3, status, "exit status; log: " + micro.log());
            assertTrue(log.contains("FailsAtStart: a deliberately failing startup bean"), "the cause in the log");
            assertTrue(log.contains("Pika! cannot start: the deployment failed") || log.contains("Pika! cannot start: the application"
                    + " was not serving PT40S after its deployment began"), "the reason in the log");
            assertTrue(log.contains("Stopping Payara Micro: the application did not start (exit status 3)"));
        }
    }
}
