package stream.pika.web.faces;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import stream.pika.admin.boundary.SystemHealth;
import stream.pika.admin.entity.PlatformHealth;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The admin console's system health (the page polls it every 5 s): the platform's figures, and
 * the last hour as two small line plots drawn on the server (SVG: no script, nothing inline to allow).
 */
@Named
@RequestScoped
public class HealthPanel {

    static final int PLOT_WIDTH = 600;
    static final int PLOT_HEIGHT = 80;

    @Inject
    SystemHealth health;

    private PlatformHealth platform;

    public PlatformHealth getPlatform() {
        if (platform == null) {
            platform = health.platform();
        }
        return platform;
    }

    public int getTotalConnections() {
        return getPlatform().nodes().stream().mapToInt(n -> n.connections()).sum();
    }

    /** The polyline of connections over the last hour, scaled to the plot. */
    public String getConnectionsLine() {
        return line(PlatformHealth.VitalsPoint::connections);
    }

    public String getMessagesLine() {
        return line(PlatformHealth.VitalsPoint::messagesPerSecond);
    }

    public double getConnectionsPeak() {
        return peak(PlatformHealth.VitalsPoint::connections);
    }

    public double getMessagesPeak() {
        return peak(PlatformHealth.VitalsPoint::messagesPerSecond);
    }

    public int getPlotWidth() {
        return PLOT_WIDTH;
    }

    public int getPlotHeight() {
        return PLOT_HEIGHT;
    }

    public String getPushFailureShare() {
        long all = getPlatform().pushSent() + getPlatform().pushFailed();
        return all == 0 ? "0 %" : String.format(Locale.ROOT, "%.1f %%", 100.0 * getPlatform().pushFailed() / all);
    }

    private double peak(ToDoubleFunction<PlatformHealth.VitalsPoint> figure) {
        return getPlatform().lastHour().stream().mapToDouble(figure).max().orElse(0);
    }

    static String line(List<PlatformHealth.VitalsPoint> points, ToDoubleFunction<PlatformHealth.VitalsPoint> figure) {
        if (points.isEmpty()) {
            return "";
        }
        double peak = Math.max(1, points.stream().mapToDouble(figure).max().orElse(1));
        long first = points.get(0).minute().getEpochSecond();
        double span = Math.max(60, points.get(points.size() - 1).minute().getEpochSecond() - first);
        return points.stream().map(p -> String.format(Locale.ROOT, "%.1f,%.1f",
                        (p.minute().getEpochSecond() - first) / span * PLOT_WIDTH,
                        PLOT_HEIGHT - figure.applyAsDouble(p) / peak * (PLOT_HEIGHT - 4) - 2))
                .collect(Collectors.joining(" "));
    }

    private String line(ToDoubleFunction<PlatformHealth.VitalsPoint> figure) {
        return line(getPlatform().lastHour(), figure);
    }
}
