package stream.pika.web.pages;

import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import stream.pika.events.boundary.Events;
import stream.pika.events.entity.EventView;
import stream.pika.platform.entity.PikaException;
import stream.pika.web.security.ResponseHeaders;

import java.io.IOException;
import java.util.Optional;

import static org.apache.commons.text.StringEscapeUtils.escapeHtml4;

/**
 * The dancer's event companion, {@code /event/{eventId}} (public): what is happening now on each
 * stage, then the schedule by stage in the event's time zone, with the slots the dancer stars: in
 * the browser when signed out, in the account when signed in, reminded by push N minutes before
 * ({@code dancer/event.js}). A draft or unknown event answers 404.
 */
@WebServlet(urlPatterns = "/event/*")
public class EventCompanionPage extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String EVENT_ID = "/[1-9][0-9]{0,17}";

    @Inject
    Events events;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String nonce = String.valueOf(request.getAttribute(ResponseHeaders.NONCE));
        Optional<EventView> event = event(request.getPathInfo());
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        if (event.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            response.getWriter().write(DancerPages.notFound("There is no public event here. Check the link, or ask the organizers."));
            return;
        }
        EventView found = event.get();
        response.getWriter().write(DancerPages.head(found.name() + " · Pika!") + """
                <body data-event="%s" data-zone="%s">
                <header class="bar">
                  <span class="brand">Pika!</span>
                  <span class="where"><strong id="event-name">%s</strong></span>
                </header>
                <main>
                  <p class="muted" id="event-when"></p>
                  <section class="card" aria-live="polite">
                    <h2>Happening now</h2>
                    <ul id="now" class="now-list"></ul>
                  </section>
                  <section class="card">
                    <div class="schedule-head">
                      <h2>Schedule <span class="muted" id="zone-note"></span></h2>
                      <label class="only-starred"><input type="checkbox" id="only-starred"> <span>My starred slots (<span id="starred-count">0</span>)</span></label>
                    </div>
                    <div class="reminders">
                      <p id="reminder-note" class="muted"></p>
                      <label>Remind me <select id="remind-minutes">
                        <option value="5">5</option><option value="10" selected>10</option><option value="15">15</option>
                        <option value="30">30</option><option value="60">60</option>
                      </select> min before</label>
                      <button type="button" id="reminders-on" class="secondary" hidden>Turn on reminders</button>
                      <a id="stars-signin" href="/signin" hidden>Sign in to keep your stars on every phone</a>
                      <a id="journal-link" href="/me/journal" hidden>My music journal</a>
                    </div>
                    <div id="schedule"></div>
                  </section>
                """.formatted(found.id(), escapeHtml4(found.timeZone()), escapeHtml4(found.name())) + DancerPages.end("event.js", nonce));
    }

    private Optional<EventView> event(String path) {
        if (path == null || !path.matches(EVENT_ID)) {
            return Optional.empty();
        }
        try {
            EventView event = events.event(Long.parseLong(path.substring(1))).event();
            return "draft".equals(event.status()) ? Optional.empty() : Optional.of(event);
        } catch (PikaException | EJBException e) {
            if (DancerPages.refusal(e).isEmpty()) {
                throw e;
            }
            return Optional.empty();
        }
    }
}
