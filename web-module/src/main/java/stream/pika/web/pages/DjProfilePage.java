package stream.pika.web.pages;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import stream.pika.live.boundary.DjProfiles;
import stream.pika.live.entity.DjProfileView;
import stream.pika.live.entity.UpcomingGig;
import stream.pika.live.entity.VibeDimension;
import stream.pika.web.security.ResponseHeaders;

import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.apache.commons.text.StringEscapeUtils.escapeHtml4;

/**
 * A DJ's public profile, {@code /dj/{slug}} (no sign-in, no script): name, bio, avatar, verified
 * badge, the career's figures, upcoming gigs, and the vibe radar drawn as SVG on the server. A
 * filter rather than a servlet, because {@code /dj/} itself is the DJ's Career Hub (a Faces view):
 * only a slug's path is answered here, anything else goes on to the hub's guard.
 */
@WebFilter(asyncSupported = true) // mapped in web.xml before the dashboards' guard: /dj/*
public class DjProfilePage extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Pattern SLUG_PATH = Pattern.compile("/dj/([a-z0-9][a-z0-9-]{0,99})");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.ENGLISH);

    @Inject
    DjProfiles profiles;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        var slug = SLUG_PATH.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        if (!slug.matches() || !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        Optional<DjProfileView> profile = profiles.profile(slug.group(1));
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        if (profile.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            response.getWriter().write(DancerPages.notFound("No DJ has this address. Check the link."));
            return;
        }
        response.getWriter().write(page(profile.get()));
    }

    static String page(DjProfileView dj) {
        StringBuilder html = new StringBuilder(DancerPages.head(dj.displayName() + " · DJ on Pika!"));
        html.append("<body class=\"profile\">\n<header class=\"bar\"><span class=\"brand\">Pika!</span>")
                .append("<span class=\"where\">DJ profile</span></header>\n<main>\n<section class=\"card who\">");
        if (dj.avatarUrl() != null) {
            html.append("<img class=\"avatar\" id=\"avatar\" src=\"").append(escapeHtml4(dj.avatarUrl()))
                    .append("\" alt=\"").append(escapeHtml4(dj.displayName())).append("\" width=\"96\" height=\"96\" referrerpolicy=\"no-referrer\">");
        }
        html.append("<div><h1 id=\"dj-name\">").append(escapeHtml4(dj.displayName())).append("</h1>");
        if (dj.verified()) {
            html.append("<p class=\"verified\" id=\"verified\" title=\"Has played a set at a Pika! event\">✓ Verified DJ</p>");
        }
        if (dj.bio() != null) {
            html.append("<p class=\"bio\" id=\"bio\">").append(escapeHtml4(dj.bio())).append("</p>");
        }
        html.append("</div></section>\n<section class=\"card\"><dl class=\"figures\">")
                .append(figure("events-played", dj.eventsPlayed(), "events played"))
                .append(figure("hours-live", dj.hoursLive(), "hours live"))
                .append(figure("unique-tracks", dj.uniqueTracks(), "unique tracks"))
                .append(figure("sets-played", dj.setsPlayed(), "sets"))
                .append("</dl></section>\n");
        html.append("<section class=\"card\"><h2>Vibe radar</h2>");
        html.append(VibeRadarSvg.of(dj.radar()));
        html.append("<p id=\"mostly-plays\">").append(dj.radar().mostlyPlays() == null
                ? "Not enough plays yet to say what this DJ mostly plays."
                : "Mostly plays: " + escapeHtml4(dj.radar().mostlyPlays())).append("</p><ul class=\"radar-list\" id=\"radar-list\">");
        for (VibeDimension axis : dj.radar().dimensions()) {
            html.append("<li data-key=\"").append(axis.key()).append("\"><strong>").append(axis.label()).append("</strong> ")
                    .append(axis.known() ? axis.score() + " · " + escapeHtml4(axis.reading()) : "no data yet")
                    .append("</li>");
        }
        html.append("</ul><details class=\"muted\"><summary>How is this computed?</summary><p>From every track of this DJ's sets (")
                .append(dj.radar().plays()).append(" plays): <b>tempo</b> is the median BPM on a 60–140 scale; <b>energy</b> and")
                .append(" <b>danceability</b> are the averages of the tracks' analysis (0–100); <b>era</b> is the average release")
                .append(" year of the tracks the catalog knows, from 1960 to today; <b>variety</b> is the share of different songs")
                .append(" among the plays. An axis needs 3 plays with its data.</p></details></section>\n");
        html.append("<section class=\"card\"><h2>Upcoming gigs</h2><ul class=\"gigs\" id=\"upcoming\">");
        if (dj.upcoming().isEmpty()) {
            html.append("<li class=\"muted\">No public gig announced yet.</li>");
        }
        for (UpcomingGig gig : dj.upcoming()) {
            html.append("<li><a href=\"/event/").append(gig.eventId()).append("\">").append(escapeHtml4(gig.eventName()))
                    .append("</a> <span class=\"muted\">").append(escapeHtml4(gig.stageName())).append(" · ")
                    .append(WHEN.format(gig.startsAt().atZone(ZoneId.of(gig.timeZone())))).append(" (")
                    .append(escapeHtml4(gig.timeZone())).append(")</span></li>");
        }
        html.append("</ul></section>\n</main>\n</body>\n</html>\n");
        return html.toString();
    }

    private static String figure(String id, Object value, String label) {
        return "<div><dt>" + label + "</dt><dd id=\"" + id + "\">" + value + "</dd></div>";
    }
}
