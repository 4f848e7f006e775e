package stream.pika.web.pages;

import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import stream.pika.events.boundary.Events;
import stream.pika.events.entity.StageView;
import stream.pika.live.boundary.LiveStages;
import stream.pika.platform.entity.PikaException;
import stream.pika.web.security.ResponseHeaders;

import java.io.IOException;
import java.util.Optional;
import java.util.logging.Logger;

import static org.apache.commons.text.StringEscapeUtils.escapeHtml4;

/**
 * The live page a dancer opens from a stage's QR code ({@code /stage/{stageId}}) or a set's link
 * ({@code /live/{sessionId}}, {@code /live} for whatever plays now). The HTML is small and
 * rendered here only to carry the request's CSP nonce on its one script; what it shows comes
 * over {@code /ws} ({@code dancer/live.js}). An unknown or closed stage answers 404 with a page
 * that says so.
 */
@WebServlet(urlPatterns = {"/stage/*", "/live", "/live/*"})
public class DancerLivePage extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(DancerLivePage.class.getName());
    private static final String STAGE_ID = "[1-9][0-9]{0,17}";

    @Inject
    LiveStages liveStages;

    @Inject
    Events events;

    /** What the page follows, and the words of its header. */
    record Followed(String stageId, String sessionId, String heading, String subheading) {
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String nonce = String.valueOf(request.getAttribute(ResponseHeaders.NONCE));
        String rest = Optional.ofNullable(request.getPathInfo()).map(p -> p.startsWith("/") ? p.substring(1) : p).orElse("");
        Optional<Followed> followed = request.getServletPath().equals("/stage") ? stage(rest) : session(rest);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        if (followed.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            response.getWriter().write(DancerPages.notFound(request.getServletPath().equals("/stage")
                    ? "There is no open stage here. Check the code you scanned, or ask at the front desk."
                    : "That is not a set's address."));
            return;
        }
        response.getWriter().write(LivePageHtml.page(nonce, followed.get()));
    }

    private Optional<Followed> stage(String id) {
        if (!id.matches(STAGE_ID)) {
            return Optional.empty();
        }
        try {
            StageView stage = liveStages.stage(Long.parseLong(id));
            if ("closed".equals(stage.status())) {
                return Optional.empty();
            }
            String eventName = events.event(stage.eventId()).event().name();
            return Optional.of(new Followed(id, "", stage.name(), eventName));
        } catch (PikaException | EJBException e) {
            if (DancerPages.refusal(e).isEmpty()) {
                throw e;
            }
            LOG.fine(() -> "No live page for stage " + id + ": " + DancerPages.refusal(e).get());
            return Optional.empty();
        }
    }

    private static Optional<Followed> session(String id) {
        if (id.isEmpty()) {
            return Optional.of(new Followed("", "", "Live now", "Pika!"));
        }
        if (id.length() < 8 || id.length() > 64 || id.chars().anyMatch(Character::isISOControl)) {
            return Optional.empty();
        }
        return Optional.of(new Followed("", id, "Live set", "Pika!"));
    }

    /** The page's markup: escaped values only, no inline script or style attribute. */
    static final class LivePageHtml {

        private LivePageHtml() {
        }

        static String page(String nonce, Followed followed) {
            return DancerPages.head(followed.heading() + " · " + followed.subheading()) + """
                    <body data-stage="%s" data-session="%s">
                    <header class="bar">
                      <span class="brand">Pika!</span>
                      <span class="where"><strong id="stage-name">%s</strong> <span id="event-name">%s</span></span>
                      <span id="link-state" class="link-state" role="status">connecting…</span>
                    </header>
                    <main>
                      <section id="urgent" class="urgent" role="alert" hidden></section>
                      <section class="now card" aria-live="polite">
                        <p id="dj" class="dj"></p>
                        <div id="playing">
                          <h1 id="title">Waiting for the music…</h1>
                          <p id="artist" class="artist"></p>
                          <p id="bpm" class="bpm"></p>
                        </div>
                        <p id="idle" class="idle" hidden></p>
                        <div class="actions">
                          <button id="like" class="like" type="button" aria-pressed="false" disabled>♥ Like</button>
                          <button id="thanks" class="thanks" type="button" disabled>♪ Thank the DJ</button>
                        </div>
                        <p id="listeners" class="muted"></p>
                      </section>
                      <section id="dj-news" class="dj-news card" hidden>
                        <h2>From the DJ</h2>
                        <p id="dj-announcement"></p>
                      </section>
                      <section id="tempo-box" class="card">
                        <h2>Tempo</h2>
                        <div class="tempo" role="group" aria-label="Tempo">
                          <button type="button" data-tempo="slower" aria-pressed="false" disabled>↓ Slower</button>
                          <button type="button" data-tempo="perfect" aria-pressed="false" disabled>✓ Perfect</button>
                          <button type="button" data-tempo="faster" aria-pressed="false" disabled>↑ Faster</button>
                        </div>
                        <p id="tempo-room" class="muted"></p>
                      </section>
                      <section id="poll" class="card" hidden>
                        <h2 id="poll-question"></h2>
                        <ol id="poll-options" class="poll-options"></ol>
                        <p id="poll-total" class="muted"></p>
                      </section>
                      <section id="news" class="card" hidden>
                        <h2>Announcements</h2>
                        <ul id="announcements" class="announcements"></ul>
                      </section>
                      <section class="card">
                        <h2>Played before</h2>
                        <ol id="history" class="history"></ol>
                      </section>
                      <section class="extras">
                        <button id="push-optin" class="secondary" type="button" hidden>Notify me of announcements</button>
                        <a id="spotify" class="spotify" hidden>Sign in with Spotify</a>
                      </section>
                    """.formatted(escapeHtml4(followed.stageId()), escapeHtml4(followed.sessionId()), escapeHtml4(followed.heading()),
                    escapeHtml4(followed.subheading())) + DancerPages.end("live.js", nonce);
        }
    }
}
