package stream.pika.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.servlet.ServletContext;

/**
 * Tells the {@link DeploymentWatch} that the application serves: the web module's context starts
 * only after every startup bean started (a failing one stops the deployment before this).
 */
@ApplicationScoped
public class ServingSignal {

    void serving(@Observes @Initialized(ApplicationScoped.class) ServletContext context) {
        DeploymentWatch.serving();
    }
}
