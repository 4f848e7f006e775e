package stream.pika.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import stream.pika.admin.boundary.SystemHealth;
import stream.pika.admin.entity.HealthReport;

/** MicroProfile readiness: this node takes traffic only while PostgreSQL answers. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Inject
    SystemHealth health;

    @Override
    public HealthCheckResponse call() {
        HealthReport report = health.report();
        return HealthCheckResponse.named("database")
                .status(report.databaseUp())
                .withData("version", report.version())
                .build();
    }
}
