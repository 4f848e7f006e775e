package stream.pika.platform.control;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import stream.pika.platform.entity.ApplicationStarted;

/**
 * The application serves once its web module has started, which happens after every startup bean
 * started (a failing one stops the deployment before this): tells the {@link DeploymentWatch}, and
 * everyone who waits for a started application ({@link ApplicationStarted}).
 */
@WebListener
public class ServingSignal implements ServletContextListener {

    @Inject
    Event<ApplicationStarted> started;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        DeploymentWatch.serving();
        started.fire(new ApplicationStarted());
    }
}
