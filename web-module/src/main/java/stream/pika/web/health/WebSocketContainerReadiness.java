package stream.pika.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import stream.pika.web.container.ContainerTuning;

/** Readiness says which WebSocket container implementation serves the live path, and which tunings are in force. */
@Readiness
@ApplicationScoped
public class WebSocketContainerReadiness implements HealthCheck {

    @Inject
    ContainerTuning container;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("websocket-container").up()
                .withData("implementation", container.implementation())
                .withData("tunings", String.join(",", container.tunings()))
                .build();
    }
}
