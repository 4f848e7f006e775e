package stream.pika.web.health;

import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import stream.pika.admin.boundary.SystemHealth;
import stream.pika.admin.entity.HealthReport;

import java.io.IOException;
import java.time.Instant;

/**
 * {@code GET /health} in the original's shape: 200 {@code {"status":"ok",...,"database":"connected"}}
 * or 503 {@code {"status":"error",...,"error":"Database unavailable"}}. A servlet because it lives
 * outside {@code /api}; Payara's own MicroProfile health endpoint moves to {@code /mp-health}.
 */
@WebServlet(urlPatterns = "/health", loadOnStartup = 1)
public class HealthEndpoint extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Jsonb JSON = JsonbBuilder.create(new JsonbConfig().withNullValues(false));

    /** The original's success shape; {@code redis} only on a node configured with Redis. */
    public record Ok(String status, String version, Instant timestamp, Long activeSessions, String database, String redis) {
    }

    /** The original's failure shape. */
    public record Failed(String status, String version, Instant timestamp, String error, String redis) {
    }

    @Inject
    transient SystemHealth health;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HealthReport report = health.report();
        Object body = report.databaseUp()
                ? new Ok("ok", report.version(), report.timestamp(), report.activeSessions(), "connected", report.redis())
                : new Failed("error", report.version(), report.timestamp(), "Database unavailable", report.redis());
        response.setStatus(report.databaseUp() ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(JSON.toJson(body));
    }
}
