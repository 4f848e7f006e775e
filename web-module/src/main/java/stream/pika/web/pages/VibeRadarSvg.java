package stream.pika.web.pages;

import stream.pika.live.entity.VibeDimension;
import stream.pika.live.entity.VibeRadar;

import java.util.List;
import java.util.Locale;

/** The vibe radar as an inline SVG: five axes, rings at 25/50/75/100, the DJ's shape (an axis without data sits at 0). */
final class VibeRadarSvg {

    private static final double CENTER = 150;
    private static final double RADIUS = 100;

    private VibeRadarSvg() {
    }

    static String of(VibeRadar radar) {
        List<VibeDimension> axes = radar.dimensions();
        StringBuilder svg = new StringBuilder("<svg class=\"radar\" id=\"radar\" viewBox=\"0 0 300 300\" role=\"img\" aria-label=\"Vibe radar\">");
        for (int ring = 1; ring <= 4; ring++) {
            int share = ring * 25;
            svg.append("<polygon class=\"ring\" points=\"").append(points(axes.size(), i -> share)).append("\"/>");
        }
        for (int i = 0; i < axes.size(); i++) {
            double[] end = at(i, axes.size(), 100);
            double[] label = at(i, axes.size(), 122);
            svg.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"150\" y1=\"150\" x2=\"%.1f\" y2=\"%.1f\"/>", end[0], end[1]));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" dominant-baseline=\"middle\">%s</text>",
                    label[0], label[1], axes.get(i).label()));
        }
        svg.append("<polygon class=\"shape\" id=\"radar-shape\" points=\"")
                .append(points(axes.size(), i -> axes.get(i).known() ? axes.get(i).score() : 0)).append("\"/></svg>");
        return svg.toString();
    }

    private static String points(int count, java.util.function.IntToDoubleFunction score) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < count; i++) {
            double[] point = at(i, count, score.applyAsDouble(i));
            points.append(String.format(Locale.ROOT, "%s%.1f,%.1f", i == 0 ? "" : " ", point[0], point[1]));
        }
        return points.toString();
    }

    /** Axis {@code i} of {@code count}, the first pointing up, at {@code score} of 100. */
    private static double[] at(int i, int count, double score) {
        double angle = -Math.PI / 2 + 2 * Math.PI * i / count;
        double length = RADIUS * score / 100;
        return new double[]{CENTER + length * Math.cos(angle), CENTER + length * Math.sin(angle)};
    }
}
