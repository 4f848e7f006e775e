package stream.pika.it;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Creates the integration tests' databases empty, once, before any server of the run starts
 * (the Arquillian container starts before any test code runs). Only in the integration-test
 * run: unit tests need no database.
 */
public class TestDatabases implements LauncherSessionListener {

    /** The database of the in-container (Arquillian) tests; failsafe passes it as PIKA_DB_URL. */
    public static final String ARQUILLIAN = "pika_it_arquillian";

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty("pika.it.dir") == null) {
            return;
        }
        TestServer.postgres().recreate(TestServer.DATABASE);
        TestServer.postgres().recreate(ARQUILLIAN);
    }
}
