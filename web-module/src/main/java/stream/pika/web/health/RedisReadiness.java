package stream.pika.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import stream.pika.admin.boundary.SystemHealth;

/**
 * MicroProfile readiness reports Redis, but stays up without it: a node keeps serving the
 * connections it holds while Redis is away, and taking every node out of the balancer during a
 * Redis outage would turn a degradation into a full one.
 */
@Readiness
@ApplicationScoped
public class RedisReadiness implements HealthCheck {

    @Inject
    SystemHealth health;

    @Override
    public HealthCheckResponse call() {
        String state = health.redisState().orElse("not configured");
        return HealthCheckResponse.named("redis").up().withData("state", state).build();
    }
}
