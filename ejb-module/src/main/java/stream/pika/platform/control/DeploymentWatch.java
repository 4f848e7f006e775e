package stream.pika.platform.control;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.Extension;

import java.util.logging.Logger;

/**
 * Payara Micro keeps running, and prints "ready", when the deployment of its one application
 * fails: a process that serves nothing and looks alive. This extension notices when the
 * application's CDI container is shut down while the JVM is not stopping, which on Micro means
 * the deployment failed (after the container started: a bad setting, a startup bean that threw),
 * and ends the process with {@link StartupFailure}'s status, so a supervisor or the run command
 * sees it at once. Failures before CDI starts are kept away at their cause (the launchers turn
 * off Payara's deploy-time JNDI check, whose lookups failed spuriously under load).
 */
public class DeploymentWatch implements Extension {

    private static final Logger LOG = Logger.getLogger(DeploymentWatch.class.getName());

    private volatile boolean validated;

    void validated(@Observes AfterDeploymentValidation event) {
        validated = true;
    }

    void shutdown(@Observes BeforeShutdown event) {
        if (!StartupFailure.runningOnMicro() || jvmStopping()) {
            return; // Payara Server undeploys as it is told; Micro undeploys on its way out
        }
        LOG.severe(() -> "The application is being undeployed while the server keeps running"
                + (validated ? " (its start failed after CDI validation)" : " (CDI validation failed)"));
        StartupFailure.fail("the deployment failed; see the errors above", null);
    }

    /** A shutdown hook cannot be added once the JVM is stopping: the one reliable test. */
    private static boolean jvmStopping() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }
}
