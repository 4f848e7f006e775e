package stream.pika.platform.control;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.Extension;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Payara Micro keeps running, and prints "ready", when the deployment of its one application
 * fails: a process that serves nothing and looks alive. On Micro this extension ends the process
 * with {@link StartupFailure}'s status when the application's start fails after its CDI container
 * started (a startup bean that threw, a bad setting): at once when the container is shut down
 * while the JVM is not stopping, and in any case when the application is not serving
 * {@code pika.startup.timeout} (5 minutes) after its deployment began. Failures before CDI starts
 * are kept away at their cause (the launchers turn off Payara's deploy-time JNDI check, whose
 * lookups failed spuriously under load).
 * <p>
 * The application's class loader refuses to load anything once its deployment has failed, even
 * a JDK class a method names for the first time: the exit path is built and rehearsed when the
 * container starts, so every class it names is resolved by then.
 */
public class DeploymentWatch implements Extension {

    private static final Logger LOG = Logger.getLogger(DeploymentWatch.class.getName());
    private static final int EXIT_STATUS = StartupFailure.EXIT_STATUS;
    private static volatile boolean serving;

    private final Thread stoppingProbe = new Thread(new Idle(), "pika-stopping-probe");
    private final Thread exit = new Thread(new Exit(), "pika-failed-deployment");
    private volatile boolean armed;
    private boolean exitStarted;
    private volatile long deadlineNanos;
    private volatile String timeoutMessage;

    /** The application is up: its web module started after every startup bean ({@link ServingSignal}). */
    static void serving() {
        serving = true;
    }

    void starting(@Observes BeforeBeanDiscovery event) {
        armed = StartupFailure.runningOnMicro() && StartupFailure.exitOnFailure();
        if (!armed) {
            return;
        }
        Duration timeout = ConfigProvider.getConfig().getOptionalValue("pika.startup.timeout", String.class)
                .map(Duration::parse).orElse(Duration.ofMinutes(5));
        timeoutMessage = "Pika! cannot start: the application was not serving " + timeout + " after its deployment began";
        deadlineNanos = System.nanoTime() + timeout.toNanos();
        Thread watchdog = new Thread(new Watchdog(this), "pika-startup-watchdog");
        watchdog.setDaemon(true);
        exit.setDaemon(true);
        rehearse();
        watchdog.start();
    }

    void shutdown(@Observes BeforeShutdown event) {
        if (armed && !serving && !jvmStopping()) {
            LOG.severe("Pika! cannot start: the deployment failed (see the errors above); Payara Micro would stay up serving nothing");
            stop();
        }
    }

    private synchronized void stop() {
        if (!exitStarted) {
            exitStarted = true;
            exit.start();
        }
    }

    /** Runs what the exit path runs, without its effects, so the classes it names are resolved now. */
    private void rehearse() {
        jvmStopping();
        LOG.isLoggable(Level.SEVERE);
        Objects.requireNonNull(new IllegalStateException());
        Objects.requireNonNull(new IllegalArgumentException());
        Watchdog.rehearse();
        Exit.rehearse();
    }

    /** A shutdown hook cannot be added once the JVM is stopping: the one reliable test. */
    private boolean jvmStopping() {
        try {
            Runtime.getRuntime().addShutdownHook(stoppingProbe);
            Runtime.getRuntime().removeShutdownHook(stoppingProbe);
            return false;
        } catch (IllegalStateException | IllegalArgumentException e) {
            return true;
        }
    }

    private static final class Watchdog implements Runnable {
        private final DeploymentWatch watch;

        Watchdog(DeploymentWatch watch) {
            this.watch = watch;
        }

        static void rehearse() {
            LOG.isLoggable(Level.SEVERE);
            System.nanoTime();
            Thread.currentThread();
            Objects.requireNonNull(new InterruptedException());
        }

        @Override
        public void run() {
            while (!serving) {
                if (System.nanoTime() - watch.deadlineNanos > 0) {
                    if (!watch.jvmStopping()) {
                        LOG.severe(watch.timeoutMessage);
                        watch.stop();
                    }
                    return;
                }
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private static final class Exit implements Runnable {
        static void rehearse() {
            LOG.isLoggable(Level.SEVERE);
            System.nanoTime();
        }

        @Override
        public void run() {
            LOG.severe("Stopping Payara Micro: the application did not start (exit status " + EXIT_STATUS + ")");
            System.exit(EXIT_STATUS);
        }
    }

    private static final class Idle implements Runnable {
        @Override
        public void run() {
            // never started: only registered and removed as a probe
        }
    }
}
