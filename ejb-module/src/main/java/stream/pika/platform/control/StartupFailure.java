package stream.pika.platform.control;

import org.eclipse.microprofile.config.ConfigProvider;

import java.util.logging.Logger;

/**
 * What happens when the application cannot start. On Payara Micro, which runs only Pika!, a
 * process without its application is useless (and Micro would still print "ready"), so the process
 * exits with status 3 after logging why. On Payara Server the deployment fails and the server stays
 * (its setup sets {@code pika.startup.exit-on-failure=false}).
 */
public final class StartupFailure {

    static final int EXIT_STATUS = 3;
    private static final Logger LOG = Logger.getLogger(StartupFailure.class.getName());

    private StartupFailure() {
    }

    /** Logs the reason and, on Micro, schedules the exit; returns the exception to throw. */
    public static IllegalStateException fail(String reason, Throwable cause) {
        String message = "Pika! cannot start: " + reason;
        LOG.severe(message);
        if (exitOnFailure() && runningOnMicro()) {
            Thread exit = new Thread(() -> {
                LOG.severe("Stopping Payara Micro: the application did not start (exit status " + EXIT_STATUS + ")");
                System.exit(EXIT_STATUS);
            }, "pika-startup-failure");
            exit.setDaemon(true);
            exit.start();
        }
        return new IllegalStateException(message, cause);
    }

    static boolean exitOnFailure() {
        return ConfigProvider.getConfig().getOptionalValue("pika.startup.exit-on-failure", Boolean.class).orElse(true);
    }

    static boolean runningOnMicro() {
        return "Payara Micro".equals(System.getProperty("product.name"));
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
